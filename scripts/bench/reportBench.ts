import { summarize } from '../../src/domain/summary/summarize';
import { buildCircular } from '../../src/domain/report/buildCircular';
import { circularDocx } from '../../src/adapters/docx/circularDocx';
import { circularSheet } from '../../src/workbook/sheets/circularSheet';
import { syntheticSummaryInput } from './summaryBench';
import { compare, type BenchRow } from './measure';

/**
 * The 通报 of a large workbook (10 000 ledger rows, 200 units): the summary engine plus the
 * Circular, its Word file and its sheet plan, next to the summary engine alone.
 */
export async function reportBenchmarks(): Promise<BenchRow[]> {
  const input = syntheticSummaryInput(10_000, 200);
  const asOf = '2020-10-01';
  const texts = new Map(input.tasks.map((t) => [t.id, '加大对稳就业、稳企业的支持力度，落实各项政策措施，确保完成全年目标任务']));
  const circularOf = () => buildCircular({ report: summarize(input, asOf, 15), input, texts, subject: '基准' });
  const overdue = summarize(input, asOf, 15).overdue.length;
  return [
    await compare('通报 model + .docx, 10 000 rows', async () => circularDocx(circularOf()), () => summarize(input, asOf, 15), 3, { rows: input.rows.length, overdueRows: overdue }),
    await compare('通报 model + sheet plan, 10 000 rows', () => circularSheet(circularOf()), () => summarize(input, asOf, 15), 3, { rows: input.rows.length }),
  ];
}
