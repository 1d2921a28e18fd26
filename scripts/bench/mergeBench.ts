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

const quiet: Io = { out: () => undefined, err: () => undefined, progress: () => undefined };
const FILES = 50;

/**
 * `duban merge` of 50 returned unit files of a notice 10× the seed (each unit filled 具体措施,
 * 责任人 and 状态 on every row), end to end (read, merge, write 汇总/校验结果), next to a baseline
 * that only opens and reads the master and the same 50 files.
 */
export async function mergeBenchmarks(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-merge-'));
  const master = join(dir, 'master.xlsx');
  await writePlanFile(prepareWorkbook({ noticeText: scaledNotice(10), previous: null, asOf: '2020-12-01' }).plan, master);
  const sent = join(dir, 'sent');
  if ((await runCli(['split', master, '-d', sent], quiet)) !== 0) throw new Error('split failed');
  const files = readdirSync(sent).sort().slice(0, FILES).map((f) => join(sent, f));
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
  return [row];
}
