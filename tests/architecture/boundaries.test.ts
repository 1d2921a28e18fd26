import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// `npm run deps` checks src/ itself; these prove each rule bites, on a small tree made here.
const root = join(__dirname, '..', '..');
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');

function cruise(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'duban-deps-'));
  try {
    copyFileSync(join(root, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', jsx: 'react-jsx' } }));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(depcruise, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
    const result = JSON.parse(run.stdout) as { summary: { violations: Array<{ rule: { name: string } }> } };
    return result.summary.violations.map((v) => v.rule.name).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('import boundaries', () => {
  it('src/ has none pointing up and no cycle', () => {
    // Throws (exit code ≠ 0) on any violation, with the list on stdout.
    expect(() => execFileSync(depcruise, ['src', '--config', '.dependency-cruiser.cjs'], { cwd: root, encoding: 'utf8' })).not.toThrow();
  });

  it('a domain file importing the workbook layer is refused', () => {
    expect(cruise({ 'src/domain/rule.ts': "import { x } from '../workbook/plan';\nexport const y = x;\n", 'src/workbook/plan.ts': 'export const x = 1;\n' })).toEqual(['domain-is-the-floor']);
  });

  it('an adapter importing the pane is refused, and the pane importing an adapter outside its entry', () => {
    expect(
      cruise({
        'src/adapters/officejs/host.ts': "import type { T } from '../../taskpane/types';\nexport type U = T;\n",
        'src/taskpane/types.ts': 'export type T = number;\n',
        'src/taskpane/Stage.tsx': "import { a } from '../adapters/officejs/run';\nexport const b = a;\n",
        'src/adapters/officejs/run.ts': 'export const a = 1;\n',
      }),
    ).toEqual(['adapters-below-front-ends', 'pane-through-the-port']);
  });

  it('two files that import each other are a cycle', () => {
    expect(cruise({ 'src/domain/a.ts': "import { b } from './b';\nexport const a = b;\n", 'src/domain/b.ts': "import type { a } from './a';\nexport const b = 1;\nexport type A = typeof a;\n" })).toEqual(['no-cycle']);
  });

  it('the host port may not lean on the workbook plan', () => {
    expect(cruise({ 'src/host/hostTypes.ts': "import type { P } from '../workbook/plan';\nexport type H = P;\n", 'src/workbook/plan.ts': 'export type P = 1;\n' })).toEqual(['host-port-stands-on-domain']);
  });
});
