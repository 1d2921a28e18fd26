import type { WorkbookData } from '../grid/sheetData';
import { readSummary } from '../summary/readSummary';
import { taskTexts } from '../summary/remind';
import { summarize } from '../summary/summarize';
import { inputOfSource } from '../summary/ofSource';
import { buildCircular } from './buildCircular';
import type { BehindPace, Circular, Reporting } from './circular';
import { circularSubject } from './subject';
import { behindPaceOf } from './behindPace';

export type CircularOptions = {
  asOf: string;
  warnDays: number;
  /** Names the notice in the title; else the workbook's one 事项来源, else none. */
  subject?: string | null;
  reporting?: Reporting | null;
  behindPace?: readonly BehindPace[] | null;
  /** One 事项来源 only (DESIGN §13: `report --source NAME`); its name then names the notice unless `subject` does. */
  source?: string | null;
};

/**
 * The 通报 of a workbook as read back (either adapter): the summary engine run once, as `duban
 * summary` runs it, and the circular built from its report. The CLI and the pane both call this.
 */
export function circularOfBook(book: WorkbookData, options: CircularOptions): Circular {
  const whole = readSummary(book).input;
  const input = options.source ? inputOfSource(whole, options.source) : whole;
  const report = summarize(input, options.asOf, options.warnDays);
  const subject = options.subject?.trim() || options.source || circularSubject(book);
  // The loop (DESIGN §12) is in every workbook the engine reads: its round and its targets behind the calendar.
  const { period, due, notReported, late } = report.reporting;
  const reporting = options.reporting ?? { period, due, notReported, late };
  const behindPace = options.behindPace ?? behindPaceOf(input, report);
  return buildCircular({ report, input, texts: taskTexts(book), subject, reporting, behindPace });
}
