import { existsSync, readFileSync } from 'node:fs';

/**
 * Compare with a golden file checked by hand. When the file is missing the test fails and
 * prints the actual output, to be read line by line against the source before saving it.
 */
export function expectGolden(path: string, actual: string): void {
  if (!existsSync(path)) {
    throw new Error(`Golden file ${path} is missing. Actual output, to check by hand before saving:\n${actual}`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
