import { parseNotice } from '../domain/notice/parseNotice';
import { toNoticeDocument, type NoticeDocument } from '../domain/notice/document';
import { formatOverview } from '../domain/notice/overview';
import type { ParseOptions, ParsedNotice } from '../domain/notice/types';
import { readTaskTables } from '../domain/table/readTaskTables';
import { tableSourceLines } from '../domain/table/overview';
import type { ColumnChoice, TableSource } from '../domain/table/types';
import { columnsOption, withColumns } from './columnsOption';
import { readInputFile } from './readInput';
import { UnreadableInput } from './readNotice';
import { checkFlags, singleFile, type Args } from './args';
import type { Io } from './io';

export type ReadNotice = { parsed: ParsedNotice; source: TableSource | null; inputLine: string };

/**
 * Read a notice in prose or a task-list table and parse it; file issues (encoding…) come first.
 * A table from which no task can be read is UnreadableInput (exit 2) with the reason.
 */
export async function parseNoticeFile(path: string, options: ParseOptions, columns?: ColumnChoice[]): Promise<ReadNotice> {
  const input = withColumns(await readInputFile(path), columns);
  if (input.kind === 'prose') {
    const parsed = parseNotice(input.text, options);
    const inputLine = `输入：通知正文（${input.format === 'docx' ? 'Word 文件' : '文本文件'}）`;
    return { parsed: { ...parsed, issues: [...input.issues, ...parsed.issues] }, source: null, inputLine };
  }
  const { grids, ...how } = input.table;
  const { parsed, source } = readTaskTables(grids, { ...options, ...how });
  if (parsed.tasks.length === 0) {
    const reason = parsed.issues.find((i) => i.severity === 'error') ?? parsed.issues[0];
    throw new UnreadableInput(`${path}：${reason?.message ?? '表格中没有读到任何任务'}，未读取任何任务`);
  }
  return { parsed: { ...parsed, issues: [...input.issues, ...parsed.issues] }, source, inputLine: tableSourceLines(source).join('\n') };
}

/** `duban.notice/1`, with `input` (how the table was read) added for a task-list table. */
export function noticeJson(read: ReadNotice): NoticeDocument & { input?: TableSource } {
  const doc = toNoticeDocument(read.parsed);
  return read.source === null ? doc : { ...doc, input: read.source };
}

/** `duban parse <notice|table> [--json] [--lead-first] [--columns 任务=改革举措,…]` */
export async function parseCommand(args: Args, io: Io): Promise<number> {
  checkFlags(args, ['--json', '--lead-first', '--columns']);
  const file = singleFile(args, '用法：duban parse <通知.txt|.docx 或 分工表.xlsx|.csv|.docx> [--json] [--lead-first] [--columns 任务=改革举措,责任单位=指导部门]');
  const read = await parseNoticeFile(file, { leadFirst: args.flags.has('--lead-first') }, columnsOption(args));
  io.out(args.flags.has('--json') ? JSON.stringify(noticeJson(read), null, 2) : `${read.inputLine}\n${formatOverview(read.parsed)}`);
  return 0;
}
