import { join } from 'node:path';
import { parseCommand } from './parseCommand';
import type { Args } from './args';
import type { Io } from './io';

export const SEED_NOTICE = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');

/** `npm run demo`: the main job on the seed notice, headless. */
export async function demoCommand(_args: Args, io: Io): Promise<number> {
  return parseCommand({ positional: [SEED_NOTICE], flags: new Set(), values: new Map() }, io);
}
