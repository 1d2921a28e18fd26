import { cellText, type WorkbookData } from '../grid/sheetData';

/**
 * Who a workbook is (DESIGN §10): the master (总表) carries a stable id and the last round it
 * distributed; each file `duban split` makes carries the master's id, its unit, its round and date,
 * so a returned file is recognised. Kept as label/value rows in a hidden sheet, which both Excel and
 * LibreOffice keep through a save.
 */
export const IDENTITY_SHEET = '_督办标识';
/** In a unit's file: its ledger as it was sent, to tell what the unit changed since. */
export const SENT_SHEET = '_下发时台账';
/** In a unit's file: its 量化指标 rows as they were sent. */
export const SENT_TARGETS_SHEET = '_下发时指标';

export type Identity = {
  kind: 'master' | 'unit';
  /** The master's id, the same in every file split from it. */
  masterId: string;
  /** Rounds distributed so far (master) / the round this file belongs to (unit). */
  round: number;
  /** ISO date of the round. */
  date: string;
  /** The unit a split file is for; '' in the master. */
  unit: string;
  /**
   * The master workbook's name as it was when this file was split (`2020年督办台账.xlsx`), so a file
   * from another workbook is named by something a clerk knows rather than by its id; '' when unknown.
   */
  book?: string;
};

const LABELS = { kind: '类型', masterId: '总表编号', round: '轮次', date: '下发日期', unit: '单位', book: '总表文件' } as const;
const KIND_LABEL = { master: '总表', unit: '下发台账' } as const;

/** The identity as label/value rows (the sheet's rows under its header). */
export function identityRows(id: Identity): Array<[string, string | number]> {
  return [
    [LABELS.kind, KIND_LABEL[id.kind]],
    [LABELS.masterId, id.masterId],
    [LABELS.round, id.round],
    [LABELS.date, id.date],
    [LABELS.unit, id.unit],
    ...(id.book ? [[LABELS.book, id.book] as [string, string]] : []),
  ];
}

/** A workbook's identity, or null when it has none (never split, or not a Duban file). */
export function readIdentity(book: WorkbookData): Identity | null {
  const sheet = book.sheets.find((s) => s.name === IDENTITY_SHEET);
  if (!sheet) return null;
  const value = (label: string): string => cellText(sheet.rows.find((r) => cellText(r[0]) === label)?.[1] ?? null);
  const kind = value(LABELS.kind) === KIND_LABEL.master ? 'master' : value(LABELS.kind) === KIND_LABEL.unit ? 'unit' : null;
  const masterId = value(LABELS.masterId);
  const round = Number(value(LABELS.round));
  if (kind === null || masterId.length === 0 || !Number.isInteger(round)) return null;
  const name = value(LABELS.book);
  return { kind, masterId, round, date: value(LABELS.date), unit: value(LABELS.unit), ...(name ? { book: name } : {}) };
}
