import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { openWorkbook, writePlanFile } from '../../src/adapters/xlsx/files';
import { readWorkbookData } from '../../src/adapters/xlsx/readWorkbook';
import { runCli } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { scaledNotice } from './parseBench';
import { compare, type BenchRow } from './measure';
import { cliPeak } from './cliPeak';

const quiet: Io = { out: () => undefined, err: () => undefined, progress: () => undefined };
const FILES = 50;
const SEED_FILES = 52;

/**
 * `duban merge` of 50 returned unit files of a notice 10× the seed (each unit filled 具体措施,
 * 责任人 and 状态 on every row), end to end (read, merge, write 汇总/校验结果), next to a baseline
 * that only opens and reads the master and the same 50 files.
 */
export async function mergeBenchmarks(): Promise<BenchRow[]> {
  return [await scaledMerge(), await seedMergePeak()];
}

/** Split a master built from `times`× the seed and fill every row of the first `count` files as a unit would. */
async function returnedFiles(dir: string, times: number, count: number): Promise<{ master: string; files: string[]; rows: number }> {
  const master = join(dir, 'master.xlsx');
  await writePlanFile(prepareWorkbook({ noticeText: scaledNotice(times), previous: null, asOf: '2020-12-01' }).plan, master);
  const sent = join(dir, 'sent');
  if ((await runCli(['split', master, '-d', sent], quiet)) !== 0) throw new Error('split failed');
  const files = readdirSync(sent).sort().slice(0, count).map((f) => join(sent, f));
  let rows = 0;
  for (const file of files) {
    const wb = await openWorkbook(file);
    const ws = wb.worksheets.find((w) => w.name.startsWith('台账-'))!;
    const at = (h: string): number => (ws.getRow(1).values as unknown[]).indexOf(h);
    ws.eachRow((row, r) => {
      if (r === 1) return;
      rows++;
      row.getCell(at('具体措施')).value = `措施${r}`;
      row.getCell(at('责任人')).value = '张三';
      row.getCell(at('状态')).value = '推进中';
    });
    await wb.xlsx.writeFile(file);
  }
  return { master, files, rows };
}

/**
 * `duban merge` of 50 returned unit files of a notice 10× the seed (each unit filled 具体措施,
 * 责任人 and 状态 on every row), end to end (read, merge, write 汇总/校验结果), next to a baseline
 * that only opens and reads the master and the same 50 files.
 */
async function scaledMerge(): Promise<BenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-merge-'));
  const { master, files, rows } = await returnedFiles(dir, 10, FILES);
  const out = join(dir, 'merged.xlsx');
  const row = await compare(
    `merge ${files.length} returned files, seed ×10`,
    async () => {
      rmSync(out, { force: true });
      copyFileSync(master, out);
      if ((await runCli(['merge', out, ...files, '-o', out], quiet)) > 1) throw new Error('merge failed');
    },
    async () => {
      for (const f of [master, ...files]) readWorkbookData(await openWorkbook(f));
    },
    3,
    { files: files.length, rows },
  );
  rmSync(dir, { recursive: true, force: true });
  return row;
}

/**
 * Peak memory (maxRSS of its own process) of merging every unit's returned file of the seed (52
 * units, issue #21: it once peaked at 4 GB holding every file), next to the peak of `validate` of
 * the same master as the baseline (one workbook read). Times are of those single runs.
 */
async function seedMergePeak(): Promise<BenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-mergepeak-'));
  const { master, files, rows } = await returnedFiles(dir, 1, SEED_FILES);
  const out = join(dir, 'merged.xlsx');
  const t0 = Date.now();
  const merged = cliPeak(['merge', master, ...files, '-o', out]);
  const ms = Date.now() - t0;
  const t1 = Date.now();
  const read = cliPeak(['validate', master]);
  const baselineMs = Date.now() - t1;
  if (merged.code > 1) throw new Error('merge failed');
  rmSync(dir, { recursive: true, force: true });
  return { name: `merge ${files.length} returned files, seed: peak memory`, ms, baselineMs, ratio: Math.round((ms / baselineMs) * 100) / 100, files: files.length, rows, peakMb: merged.peakMb, baselinePeakMb: read.peakMb };
}
