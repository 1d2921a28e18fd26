import type { MergeResult } from '../../domain/distribute/merge';
import type { Conflict } from '../../domain/distribute/conflict';
import { LEDGER_COLUMNS } from '../../domain/ledger/columns';
import type { FillValue } from '../../domain/ledger/ledgers';
import { readSummaryParameters } from '../../domain/summary/readSummary';
import { fromExcelSerial, type DateSystem } from '../../domain/time/isoDate';
import { validateWorkbook } from '../../domain/validation/validate';
import { sheetAsData } from '../planValues';
import { date, text, type Cell, type SheetPlan, type WorkbookPlan } from '../plan';
import type { WorkbookData } from '../../domain/grid/sheetData';
import { summaryPlan } from '../buildWorkbookPlan';
import { ROUNDS_SHEET, readRounds } from '../../domain/loop/roundsRecord';
import { roundDue, type LoopSettings } from '../../domain/loop';
import { excelSerial } from '../../domain/time/isoDate';
import { roundsSheet, type NewRound } from '../sheets/roundsSheet';
import { ledgerSheet } from '../sheets/ledgerSheet';
import { columnLetter } from '../../domain/grid/a1';
import { validationSheet } from '../sheets/validationSheet';
import { fillCell } from '../sheets/fillCell';

export const CONFLICT_SHEET = '合并冲突';

const DATE_COLUMNS = new Set(LEDGER_COLUMNS.filter((c) => c.kind === 'date').map((c) => c.header));

/** A value of a conflict as it reads: dates of date columns as dates. */
function valueCell(column: string, v: FillValue, system: DateSystem): Cell {
  // A 量化指标 conflict names its column `更新日期（指标）`: a date too, never a bare serial.
  const iso = typeof v === 'number' && (DATE_COLUMNS.has(column) || column.startsWith('更新日期')) ? fromExcelSerial(v, system) : null;
  return iso !== null ? date(iso) : fillCell(v);
}

/** `合并冲突`: every cell both sides changed since the split, both values, and which one the ledger now holds. */
export function conflictSheet(conflicts: readonly Conflict[], system: DateSystem): SheetPlan {
  return {
    key: 'conflicts',
    name: CONFLICT_SHEET,
    columns: [
      { header: '工作表', width: 18, role: 'generated' },
      { header: '单元格', width: 8, role: 'generated' },
      { header: '任务编号', width: 9, role: 'generated', numberFormat: '@' },
      { header: '单位', width: 16, role: 'generated' },
      { header: '列', width: 12, role: 'generated' },
      { header: '总表的值', width: 30, role: 'generated', wrap: true },
      { header: '总表的值来自', width: 14, role: 'generated', wrap: true },
      { header: '回收的值', width: 30, role: 'generated', wrap: true },
      { header: '采用', width: 10, role: 'generated' },
      { header: '回收文件', width: 30, role: 'generated', wrap: true },
    ],
    rows: conflicts.map((c) => [
      text(c.sheet),
      text(c.cell),
      text(c.task),
      text(c.unit),
      text(c.column),
      valueCell(c.column, c.master, system),
      // Two units reporting one shared target: the master's side is the other unit's value of this merge.
      text(c.masterFrom === undefined ? '总表' : `${c.masterFrom}（本次回收）`),
      valueCell(c.column, c.returned, system),
      text(c.applied === 'returned' ? (c.masterFrom === undefined ? '回收的值' : `${c.unit}的值`) : c.masterFrom === undefined ? '总表的值' : `${c.masterFrom}的值`),
      text(c.file),
    ]),
    freeze: { rows: 1, columns: 0 },
    validations: [],
    conditionalFormats: [],
    protect: false,
  };
}

/**
 * What a merge writes into the master: the merged ledgers, `合并冲突` (removed when there is none),
 * and 汇总, its index and 校验结果 computed again over the merged ledgers (as of `asOf`).
 */
export function mergePlan(master: WorkbookData, result: MergeResult, asOf: string, today: string = asOf): WorkbookPlan {
  const system = master.dateSystem ?? 1900;
  const ledgers = result.ledgers.map((l, i) => ({ l, plan: ledgerSheet(l, i) })).filter((x) => result.changedUnits.includes(x.l.unit)).map((x) => x.plan);
  const replaced = new Map(ledgers.map((s) => [s.name, sheetAsData(s, system)]));
  const targets = result.targets;
  if (targets) replaced.set(targets.sheet.name, targets.sheet);
  const book: WorkbookData = { ...master, sheets: master.sheets.map((s) => replaced.get(s.name) ?? s) };
  const header = (targets?.sheet.rows[0] ?? []).map((h) => String(h ?? ''));
  const cellEdits = (targets?.changed ?? []).map(({ row, col, plainFormat }) => {
    const v = (targets?.sheet.rows[row] ?? [])[col] ?? null;
    return { sheet: targets?.sheet.name ?? '', address: `${columnLetter(col)}${row + 1}`, cell: valueCell(header[col] === '更新日期' ? '更新日期' : '', v, system), ...(plainFormat ? { numberFormat: 'General' } : {}) };
  });
  const params = readSummaryParameters(master);
  const rounds = roundsAfterReturn(master, result.returned, today, params.loop);
  const { summary, index, names } = summaryPlan({ ...book, sheets: [...book.sheets.filter((s) => s.name !== ROUNDS_SHEET), sheetAsData(rounds, system)] }, params.year, params.asOf, params.warnDays);
  const findings = validateWorkbook(book, asOf).findings;
  const hasConflictSheet = master.sheets.some((s) => s.name === CONFLICT_SHEET);
  return {
    sheets: [...ledgers, ...(result.conflicts.length > 0 ? [conflictSheet(result.conflicts, system)] : []), summary, index, rounds, validationSheet(findings, asOf)],
    names,
    ...(cellEdits.length > 0 ? { cellEdits } : {}),
    ...(result.conflicts.length === 0 && hasConflictSheet ? { removeSheets: [CONFLICT_SHEET] } : {}),
  };
}

/**
 * 报送记录 after a merge on \`today\` (DESIGN §12): each merged unit's latest row still awaiting its
 * return gets 回收日期 and 更新行数; a unit with none (never split, or already returned this round)
 * gets a row of its own, unless its latest row was returned the same day. Rows already there keep every value.
 */
export function roundsAfterReturn(master: WorkbookData, returned: MergeResult['returned'], today: string, loop: LoopSettings): SheetPlan {
  const system = master.dateSystem ?? 1900;
  const records = readRounds(master).map((r) => ({ ...r }));
  const added: NewRound[] = [];
  for (const { unit, rowsUpdated } of returned) {
    const open = [...records].reverse().find((r) => r.unit === unit && (r.returned === null || r.returned === ''));
    const latest = [...records].reverse().find((r) => r.unit === unit);
    if (open) {
      open.returned = excelSerial(today, system);
      open.updatedRows = rowsUpdated;
    } else if (latest && latest.returned === excelSerial(today, system)) {
      // Returned again the same day (the same file merged twice, or a correction): one report. A
      // file's 更新行数 counts its rows changed since it was sent, so the larger count stands and
      // merging a file again changes nothing.
      latest.updatedRows = Math.max(typeof latest.updatedRows === 'number' ? latest.updatedRows : 0, rowsUpdated);
    } else added.push({ round: null, unit, sent: null, due: roundDue(today, loop), returned: today, updatedRows: rowsUpdated });
  }
  return roundsSheet(records, system, added);
}

/**
 * 报送记录 after a split on `sent` (DESIGN §12): one new row per unit sent its file, with the round,
 * 下发日期 and the 报送截止日 it asks for; rows already there keep every value.
 */
export function roundsAfterSplit(master: WorkbookData, units: readonly string[], round: number, sent: string, loop: LoopSettings): SheetPlan {
  const due = roundDue(sent, loop);
  return roundsSheet(readRounds(master), master.dateSystem ?? 1900, units.map((unit) => ({ round, unit, sent, due, returned: null, updatedRows: null })));
}
