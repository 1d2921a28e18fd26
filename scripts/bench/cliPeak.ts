import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

/**
 * Peak memory of one CLI run: in a child process of its own, so the bench's own files and earlier
 * runs do not count. The child prints its exit code and `maxRSS` (resident set, the figure the
 * operating system would kill at) as one JSON line.
 */
export function cliPeak(argv: string[]): { code: number; peakMb: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', ...argv], { encoding: 'utf8', cwd: join(__dirname, '..', '..'), maxBuffer: 1 << 26 });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !last.startsWith('{')) throw new Error(`cli run failed: ${child.stderr.slice(-500)}`);
  return JSON.parse(last) as { code: number; peakMb: number };
}

if (process.argv[2] === '--child') {
  const quiet = { out: () => undefined, err: () => undefined, progress: () => undefined };
  void runCli(process.argv.slice(3), quiet).then((code) => {
    process.stdout.write(`${JSON.stringify({ code, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  });
}
