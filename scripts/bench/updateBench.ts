import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { prepareFromTaskList } from '../../src/workbook/prepareFromTaskList';
import { previewChanges } from '../../src/workbook/previewChanges';
import { planAsData } from '../../src/workbook/planValues';
import { scaledNotice } from './parseBench';
import { compare, type BenchRow } from './measure';

/**
 * 更新分工 (the plan rebuilt from the workbook's own 任务清单, with its changes preview) next to the
 * same rebuild from the notice text; and the changes preview of a notice next to the rebuild it
 * compares with. Both on a generated workbook of the seed ×1 and ×10.
 */
export async function updateBenchmarks(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [label, times, runs] of [['seed', 1, 5], ['seed ×10', 10, 3]] as const) {
    const text = scaledNotice(times);
    const book = planAsData(prepareWorkbook({ noticeText: text, previous: null, asOf: null }).plan);
    const fromText = () => prepareWorkbook({ noticeText: text, previous: book, asOf: null });
    rows.push(await compare(`更新分工 from 任务清单 ${label}`, () => prepareFromTaskList(book, null), fromText, runs, { tasks: 120 * times }));
    const prepared = fromText();
    rows.push(await compare(`changes preview ${label}`, () => previewChanges(book, fromText()), fromText, runs, { movedRows: previewChanges(book, prepared).movedRows }));
  }
  return rows;
}
