import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from './parseCommand';
import { buildCommand } from './buildCommand';
import type { Args } from './args';
import type { Io } from './io';

export const SEED_NOTICE = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');

/** `npm run demo`: the main job on the seed notice, headless. */
export async function demoCommand(_args: Args, io: Io): Promise<number> {
  const parsed = await parseCommand({ positional: [SEED_NOTICE], flags: new Set(), values: new Map() }, io);
  if (parsed !== 0) return parsed;
  io.out('');
  // Run again, the demo updates its workbook (keeping anything typed into it) rather than refusing to replace it.
  const values = new Map([['-o', DEMO_OUTPUT], ...(existsSync(DEMO_OUTPUT) ? [['--update', DEMO_OUTPUT] as [string, string]] : [])]);
  return buildCommand({ positional: [SEED_NOTICE], flags: new Set(), values }, io);
}

export const DEMO_OUTPUT = join('out', 'tianjin-2020.xlsx');
