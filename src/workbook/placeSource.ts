import { dateSystemOf, type WorkbookData } from '../domain/grid/sheetData';
import type { ParsedNotice } from '../domain/notice/types';
import type { UnitDirectory } from '../domain/units/directory';
import type { LayoutProblem } from '../domain/ledger/readBack';
import { readTaskList } from '../domain/tasklist/readTaskList';
import { readSummaryParameters } from '../domain/summary/readSummary';
import { SHEET } from '../domain/grid/names';
import { DEFAULT_SOURCE, noticeShortTitle } from '../domain/sources/names';
import { joinSource, severalSourcesMessage, sourcesOf } from '../domain/sources/bySource';

/** Where a notice or table went among the workbook's sources (DESIGN §13). */
export type SourcePlacement = {
  name: string;
  /** A source the workbook did not have. */
  added: boolean;
  /** The 简称 its ids carry (`纪要12`), null for ids as the notice numbers them. */
  short: string | null;
  /** The workbook's sources after this input, in 任务清单's order. */
  sources: string[];
};

/**
 * A notice or table applied to a workbook, as one of its sources: `name` (`--source NAME`) adds it
 * or replaces that source's tasks, every other source's tasks kept as 任务清单 holds them. Without
 * a name the input is the workbook's only source (its name kept); with several sources that is a
 * problem naming them, and nothing is written. A new workbook's source is `name` or the notice's
 * short title; so is an earlier workbook's one source when it had no 事项来源 column yet.
 */
export function placeSource(incoming: ParsedNotice, book: WorkbookData | null, name: string | null, directory: UnitDirectory): { notice: ParsedNotice; placement: SourcePlacement | null; problem: LayoutProblem | null } {
  const own = name ?? noticeShortTitle(incoming.notice.title);
  const sheet = book?.sheets.find((s) => s.name === SHEET.tasks.name);
  const stampAll = (): ParsedNotice => ({ ...incoming, tasks: incoming.tasks.map((t) => ({ ...t, source: own })) });
  if (!book || !sheet) return { notice: stampAll(), placement: { name: own, added: true, short: null, sources: [own] }, problem: null };
  const reading = readTaskList(sheet, { directory, year: readSummaryParameters(book).year, dateSystem: dateSystemOf(book) });
  const current = reading.notice;
  const named = current.tasks.some((t) => t.source !== undefined);
  const fallback = named || name !== null ? DEFAULT_SOURCE : own;
  const sources = sourcesOf(current.tasks, fallback);
  if (current.tasks.length === 0) return { notice: stampAll(), placement: { name: own, added: true, short: null, sources: [own] }, problem: null };
  if (name === null && sources.length > 1) {
    return { notice: incoming, placement: null, problem: { code: 'SOURCE_REQUIRED', sheet: SHEET.tasks.name, column: '事项来源', message: severalSourcesMessage(sources) } };
  }
  const target = name ?? (sources[0] as string);
  const keepsOthers = sources.some((s) => s !== target);
  // 任务清单 must read cleanly when other sources' tasks are kept from it (a duplicated id would drop one).
  const broken = keepsOthers ? reading.findings.find((f) => f.severity === 'error') : undefined;
  if (broken) return { notice: incoming, placement: null, problem: { code: 'TASK_ID_DUPLICATE', sheet: SHEET.tasks.name, column: '任务编号', message: `${SHEET.tasks.name}!${broken.cell}：${broken.message}` } };
  const joined = joinSource({ ...current, units: current.units }, target, incoming, fallback);
  const after = sourcesOf(joined.notice.tasks, fallback);
  return { notice: joined.notice, placement: { name: target, added: joined.added, short: joined.short, sources: after }, problem: null };
}
