import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { openWorkbook, writePlanFile } from '../../src/adapters/xlsx/files';
import { scaledNotice } from './parseBench';
import { compare, type BenchRow } from './measure';

/**
 * Opening a workbook as every CLI command does (`openWorkbook`: limits, protection booleans, date
 * system, then exceljs), next to exceljs alone loading the same bytes: the ratio is what our checks
 * before exceljs cost.
 */
export async function openBenchmarks(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-open-'));
  const rows: BenchRow[] = [];
  try {
    for (const [label, times, runs] of [['seed', 1, 7], ['seed ×10', 10, 3]] as const) {
      const file = join(dir, `book-${times}.xlsx`);
      await writePlanFile(prepareWorkbook({ noticeText: scaledNotice(times), previous: null, asOf: '2020-12-01' }).plan, file);
      const bytes = readFileSync(file);
      rows.push(
        await compare(
          `open xlsx ${label}`,
          () => openWorkbook(file),
          () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer),
          runs,
          { kB: Math.round(bytes.length / 1024) },
        ),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
