import { SENT_SHEET, SENT_TARGETS_SHEET, type Identity } from '../../domain/distribute/identity';
import type { Ledger } from '../../domain/ledger/ledgers';
import { fromExcelSerial, type DateSystem } from '../../domain/time/isoDate';
import { cellText, type SheetData, type SheetValue, type WorkbookData } from '../../domain/grid/sheetData';
import { DATE_FORMAT, TEXT_FORMAT, date, formula, num, text, type Cell, type ColumnPlan, type SheetPlan, type WorkbookPlan } from '../plan';
import { NAME, SHEET } from '../../domain/grid/names';
import { ledgerSheet } from '../sheets/ledgerSheet';
import { LEDGER_COLUMNS } from '../../domain/ledger/columns';
import { identitySheet } from './identitySheet';
import { forPaper } from '../print';

/** Columns of 任务清单 a unit's file shows, read-only; the status formulas stay in the master. */
const TASK_COLUMNS = ['任务编号', '板块', '事项', '任务内容', '牵头单位', '负责单位', '配合单位', '完成时限', '截止日期', '时限类型', '事项来源'];
/** Columns of 量化指标 a unit's file shows; 完成值 and 更新日期 are the unit's to fill. */
const TARGET_COLUMNS = ['指标编号', '任务编号', '指标', '方向', '目标值', '单位', '原文', '填报单位', '完成值', '更新日期'];
const TARGET_FILL = new Set(['完成值', '更新日期']);
const DATE_HEADERS = new Set(['截止日期', '更新日期']);

export type UnitFileInput = {
  /** The master as read back. */
  book: WorkbookData;
  ledger: Ledger;
  identity: Identity;
  /** A fixed 统计日期 of the master, or null for =TODAY(). */
  asOf: string | null;
  warnDays: number;
  /** The master's Duban_ReviewRequired: the unit's 预警 shows 待审核 as the master's does. @default false */
  reviewRequired?: boolean;
};

/**
 * What the unit fills, named column by column from the ledger contract (a range like `具体措施至备注`
 * would take in 预警, a formula, and leave out the loop's columns after 备注).
 * @example fillInstructions('台账-市财政局') // '请在“台账-市财政局”中填写以下各列：具体措施、责任处室、…'
 */
export function fillInstructions(sheetName: string): string {
  const names = (role: 'fill' | 'office'): string => LEDGER_COLUMNS.filter((c) => c.role === role).map((c) => c.header).join('、');
  return (
    `请在“${sheetName}”中填写以下各列：${names('fill')}。需要延期的填申请延期至和延期理由，已完成的填完成日期和佐证材料；` +
    `${names('office')}由督查室填写，这里已锁定。一项任务有几项措施，可在该任务行下插入行（不用撤销保护），只填浅黄底的填报列，任务编号等分工列留空即算作上一行的任务；` +
    '要加列（如联系电话），在表格右侧的空列第一行写上列名即可。' +
    '任务编号、任务内容等分工列不能改动，否则回收时会被拒收。填好后原样发回。'
  );
}

/**
 * The file `duban split` sends one unit (DESIGN §10): its ledger as the master builds it (same
 * validations, protection, print setup), the 任务清单 rows of its tasks and the 量化指标 rows it reports,
 * read-only, a 填报说明 sheet holding 统计日期 and 预警天数 for the 预警 formula, and hidden: its identity
 * and its ledger as sent (to tell, when it comes back, what the unit changed).
 */
export function unitFilePlan(input: UnitFileInput): WorkbookPlan {
  const { book, ledger, identity } = input;
  const system = book.dateSystem ?? 1900;
  const tasks = new Set(ledger.rows.map((r) => r.taskId));
  // Sized and headed for paper as in the master: a unit prints its ledger before sending it back.
  const own = forPaper(ledgerSheet(ledger, 0, true), input.asOf);
  const info: SheetPlan = {
    key: 'splitInfo',
    name: '填报说明',
    columns: [
      { header: '', width: 12, role: 'generated' },
      { header: '', width: 60, role: 'generated', wrap: true },
    ],
    rows: [],
    extraCells: [
      { address: 'A1', cell: text('统计日期'), bold: true },
      { address: 'B1', cell: input.asOf === null ? formula('TODAY()') : date(input.asOf), numberFormat: DATE_FORMAT },
      { address: 'A2', cell: text('预警天数'), bold: true },
      { address: 'B2', cell: num(input.warnDays) },
      { address: 'A3', cell: text('办结需审核'), bold: true },
      { address: 'B3', cell: text(input.reviewRequired ? '是' : '否') },
      { address: 'A4', cell: text('单位'), bold: true },
      { address: 'B4', cell: text(ledger.unit) },
      { address: 'A5', cell: text('下发'), bold: true },
      { address: 'B5', cell: text(`第 ${identity.round} 轮，${identity.date}`) },
      { address: 'A6', cell: text('填报'), bold: true },
      { address: 'B6', cell: text(fillInstructions(ledger.sheetName)) },
    ],
    freeze: { rows: 0, columns: 0 },
    validations: [],
    conditionalFormats: [],
    protect: true,
  };
  const sent: SheetPlan = { ...own, key: 'sent', name: SENT_SHEET, rows: own.rows.map((r) => r.map((c) => (c?.t === 'formula' ? null : c))), validations: [], conditionalFormats: [], hidden: true };
  delete sent.table;
  const targets = copyRows(book.sheets.find((s) => s.name === SHEET.targets.name), SHEET.targets, TARGET_COLUMNS, TARGET_FILL, (row, at) => cellText(row[at('填报单位')]).split('、').includes(ledger.unit), system);
  return {
    sheets: [
      info,
      own,
      copyRows(book.sheets.find((s) => s.name === SHEET.tasks.name), SHEET.tasks, TASK_COLUMNS, new Set(), (row, at) => tasks.has(cellText(row[at('任务编号')])), system),
      targets,
      identitySheet(identity),
      sent,
      { ...targets, key: 'sentTargets', name: SENT_TARGETS_SHEET, hidden: true },
    ],
    names: [
      { name: NAME.asOf, sheetKey: 'splitInfo', address: 'B1' },
      { name: NAME.warnDays, sheetKey: 'splitInfo', address: 'B2' },
      { name: NAME.reviewRequired, sheetKey: 'splitInfo', address: 'B3' },
    ],
  };
}

/** The rows of a master sheet one unit needs, these columns only; `fill` columns stay unlocked. */
function copyRows(
  sheet: SheetData | undefined,
  where: { key: string; name: string },
  headers: readonly string[],
  fill: ReadonlySet<string>,
  keep: (row: SheetValue[], at: (header: string) => number) => boolean,
  system: DateSystem,
): SheetPlan {
  const header = (sheet?.rows[0] ?? []).map(cellText);
  const at = (h: string): number => header.indexOf(h);
  const present = headers.filter((h) => at(h) >= 0);
  const cell = (h: string, v: SheetValue | undefined): Cell => {
    if (v === null || v === undefined || v === '') return null;
    if (typeof v === 'number') return DATE_HEADERS.has(h) && fromExcelSerial(v, system) !== null ? date(fromExcelSerial(v, system)) : num(v);
    return text(String(v));
  };
  const columns: ColumnPlan[] = present.map((h) => ({
    header: h,
    width: h.includes('内容') || h === '原文' || h === '指标' ? 40 : 12,
    role: fill.has(h) ? 'fill' : 'generated',
    ...(DATE_HEADERS.has(h) ? { numberFormat: DATE_FORMAT } : h.includes('编号') ? { numberFormat: TEXT_FORMAT } : {}),
    wrap: true,
  }));
  return {
    key: where.key,
    name: where.name,
    columns,
    rows: (sheet?.rows ?? []).slice(1).filter((row) => keep(row, at)).map((row) => present.map((h) => cell(h, row[at(h)]))),
    freeze: { rows: 1, columns: 1 },
    validations: [],
    conditionalFormats: [],
    protect: true,
  };
}
