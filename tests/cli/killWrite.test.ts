import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { tempPathFor } from '../../src/adapters/xlsx/safeWrite';
import { scaledNotice } from '../../scripts/bench/parseBench';
import { captureIo, measureCell } from '../support/captureIo';

const root = join(__dirname, '..', '..');
const BIN = join(root, 'bin', 'duban.cjs');
const MARK = '杀进程前填写的措施';
const KILLS = 8;
/** Three times the seed: long enough that a write takes seconds, short enough to keep the suite quick. */
const SCALE = 3;


type Run = { code: number | null; signal: NodeJS.Signals | null; err: string };

function start(argv: string[]): { pid: number; kill: () => void; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<Run>((res) => child.on('exit', (code, signal) => res({ code, signal, err })));
  return { pid: child.pid!, kill: () => child.kill('SIGKILL'), done };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a killed write never destroys the workbook', () => {
  it(`SIGKILL as the temporary file appears and at ${KILLS} random moments of build --update X -o X on a notice ${SCALE}× the seed`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-kill-'));
    const notice = join(dir, 'notice-big.txt');
    writeFileSync(notice, scaledNotice(SCALE));
    const book = join(dir, 'book.xlsx');
    expect(await runCli(['build', notice, '-o', book], captureIo())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    measureCell(wb).value = MARK;
    await wb.xlsx.writeFile(book);

    const argv = ['build', notice, '--update', book, '-o', book];
    const verified = new Set<string>();
    /** The workbook opens with exceljs and has the typed value; files already checked are known by their hash. */
    const check = async (label: string): Promise<void> => {
      const hash = createHash('sha256').update(readFileSync(book)).digest('hex');
      if (verified.has(hash)) return;
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(book);
      expect([label, measureCell(back).value]).toEqual([label, MARK]);
      verified.add(hash);
    };

    // First, kill it exactly as the temporary file appears (watched, with polling as a fallback): a temporary
    // file and a lock are left behind. The time until then (the write comes last) sizes the random kills.
    const seen = { killed: 0, finished: 0, duringTemp: 0, lockLeft: 0, replaced: 0 };
    const t0 = Date.now();
    const child = start(argv);
    const temp = tempPathFor(book, child.pid);
    await new Promise<void>((res) => {
      const stop = () => {
        watcher.close();
        clearInterval(poll);
        res();
      };
      const watcher = watch(dir, (_event, name) => {
        if (name === basename(temp)) stop();
      });
      const poll = setInterval(() => existsSync(temp) && stop(), 5);
      void child.done.then(stop);
    });
    child.kill();
    // A shared machine's load changes during the test: the run length is re-estimated from every run that
    // finished before its kill, so the later kills still land inside a run. It starts at the time until the
    // write began: a run ends later than that (the write itself), so a run somewhat faster than the first
    // is still killed inside its write.
    let runMs = Date.now() - t0;
    expect((await child.done).signal).toBe('SIGKILL');
    if (existsSync(temp)) seen.duringTemp++;
    await check('kill as the temporary file appeared');

    for (let i = 0; i < KILLS; i++) {
      // Stratified: kill i lands somewhere in the i-th eighth of a run (the last one close to its end).
      const delay = Math.round((runMs * (i + Math.random())) / KILLS);
      const hashBefore = createHash('sha256').update(readFileSync(book)).digest('hex');
      const started = Date.now();
      const run = start(argv);
      await sleep(delay);
      if (existsSync(tempPathFor(book, run.pid))) seen.duringTemp++;
      run.kill();
      const r = await run.done;
      if (r.signal === 'SIGKILL') seen.killed++;
      else {
        // It finished before the kill: then it must have succeeded (a leftover lock was taken over, not refused).
        expect([`kill ${i} after ${delay} ms`, r.code]).toEqual([`kill ${i} after ${delay} ms`, 0]);
        seen.finished++;
        runMs = Math.min(runMs, Date.now() - started);
      }
      if (existsSync(`${book}.lock`)) seen.lockLeft++;
      if (createHash('sha256').update(readFileSync(book)).digest('hex') !== hashBefore) seen.replaced++;
      await check(`kill ${i} after ${delay} ms of ${runMs}`);
    }

    // The next run is not blocked by what the kills left: it takes the stale lock over and removes the dead temporary file.
    const lockLeft = existsSync(`${book}.lock`);
    const last = await start(argv).done;
    expect([last.code, last.signal]).toEqual([0, null]);
    if (lockLeft) expect(last.err).toContain('已接管');
    await check('after the final run');
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'notice-big.txt']);
    if (process.env.DUBAN_KILL_REPORT) process.stderr.write(`kill test: run ${runMs} ms, ${JSON.stringify(seen)}, distinct files checked ${verified.size}\n`);
    // The kills did interrupt writes (a run that always finished first would test nothing).
    expect(seen.killed).toBeGreaterThanOrEqual(KILLS - 2);
    expect(seen.lockLeft).toBeGreaterThan(0);
  }, 600_000); // ten builds of a notice three times the seed: each write also computes cached results
});
