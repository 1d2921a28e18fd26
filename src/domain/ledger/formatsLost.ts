import type { SheetData } from '../grid/sheetData';
import { locateHeader } from './columns';
import type { Warning } from '../summary/rules';

/** What a rebuilt or merged ledger cannot carry over from a sheet a person edited: the values are kept, these looks are not. */
export type FormatsLost = {
  sheet: string;
  /** Cells of ledger rows whose text was formatted in parts (a bold word, a red phrase). */
  cells: string[];
  /** Ranges of conditional formats a person added (ours, the 预警 colours, are made again). */
  conditional: string[];
};

/** The 预警 words a generated ledger colours by: rules testing the 预警 cell against one of them are ours. */
const OUR_WORDS: ReadonlySet<Warning> = new Set<Warning>(['逾期', '临期', '逾期完成', '按时完成']);

/**
 * Whether a conditional-format rule is one a generated ledger carries: `$P2="逾期"` (any column, as a
 * unit may have inserted one before 预警; quotes and `$` as LibreOffice writes them back).
 */
export function isOurConditionalRule(rule: string): boolean {
  const m = /^\$?[A-Z]{1,3}\$?\d+\s*=\s*"([^"]*)"$/.exec(rule.trim());
  return m !== null && OUR_WORDS.has(m[1] as Warning);
}

/**
 * What of a ledger sheet's look would be lost when it is written again: rich text in its rows and
 * conditional formats the unit or office added. Null when nothing would be.
 */
export function formatsLost(sheet: SheetData, name = sheet.name): FormatsLost | null {
  const headerRow = locateHeader(sheet.rows).row;
  const cells = (sheet.marks ?? []).filter((m) => m.kind === 'format' && m.row > headerRow).map((m) => m.address);
  const conditional = [...new Set((sheet.conditionalFormats ?? []).filter((c) => !isOurConditionalRule(c.rule)).map((c) => c.range))];
  return cells.length + conditional.length > 0 ? { sheet: name, cells, conditional } : null;
}

/**
 * Whether a cell's text runs differ in look (a bold word, a red phrase): each reader gives a run's
 * look as the emphasis its API reports, without the font name (LibreOffice sets one per script).
 * @example formattedInParts([{ b: true }, { b: false }], (r) => [r.b]) //=> true
 */
export function formattedInParts<T>(runs: readonly T[] | undefined, look: (run: T) => readonly unknown[]): boolean {
  if (!runs || runs.length < 2) return false;
  return new Set(runs.map((r) => JSON.stringify(look(r)))).size > 1;
}

/** How many places a list names before 等. */
const SHOWN = 5;
const listed = (xs: readonly string[]): string => `${xs.slice(0, SHOWN).join('、')}${xs.length > SHOWN ? ` 等` : ''}`;

/**
 * The clerk's sentence for one sheet: what is not kept after `when` (重建后, 合并后), and where.
 * @example formatsLostMessage({ sheet: '台账-市财政局', cells: ['H3'], conditional: [] }, '重建后')
 * //=> '工作表“台账-市财政局”有 1 处文字设了局部格式（加粗、颜色等），重建后只保留文字、不保留这些格式：H3'
 */
export function formatsLostMessage(lost: FormatsLost, when: string): string {
  const parts: string[] = [];
  if (lost.cells.length > 0) parts.push(`有 ${lost.cells.length} 处文字设了局部格式（加粗、颜色等），${when}只保留文字、不保留这些格式：${listed(lost.cells)}`);
  if (lost.conditional.length > 0) parts.push(`添加的条件格式（${listed(lost.conditional)}，共 ${lost.conditional.length} 处）${when}不再保留，需要时请重新设置`);
  return `工作表“${lost.sheet}”${parts.join('；')}`;
}
