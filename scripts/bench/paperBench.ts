import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { writePlanFile } from '../../src/adapters/xlsx/files';
import { isA4, printWithLibreOffice } from '../../tests/support/printPdf';
import type { BenchRow } from './measure';

/**
 * The seed workbook printed by LibreOffice: its PDF page count in all and per kind of sheet
 * (before print setup: 319 pages of US Letter). A figure to watch, not a timing; the time is
 * LibreOffice's conversion, next to nothing as its baseline.
 */
export async function paperBenchmarks(): Promise<BenchRow[]> {
  const seed = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
  const file = join(mkdtempSync(join(tmpdir(), 'duban-paper-bench-')), 'seed.xlsx');
  await writePlanFile(prepareWorkbook({ noticeText: seed, previous: null, asOf: '2020-12-01' }).plan, file);
  const started = performance.now();
  const pages = printWithLibreOffice(file);
  const ms = Math.round(performance.now() - started);
  const count = (prefix: string) => pages.filter((p) => p.text.startsWith(prefix)).length;
  const ledgers = pages.filter((p) => / 工作台账/.test(p.text.slice(0, 40))).length;
  return [
    {
      name: 'seed printed by LibreOffice (PDF pages)',
      ms,
      baselineMs: 0,
      ratio: 0,
      pages: pages.length,
      summary: count('督办汇总'),
      tasks: count('任务清单'),
      matrix: count('责任矩阵'),
      ledgers,
      a4: pages.every(isA4),
    },
  ];
}
