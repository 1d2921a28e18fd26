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
  /**
   * A unit's file: the random key `split` gave this file. The master: every file it sent, by round
   * and unit with its key. A returned file counts as a unit's only when the master sent that unit
   * that key, so editing `_督办标识` and the sheet name cannot pass one unit's file off as another's.
   */
  fileKey?: string;
  sent?: SentFile[];
};

/** One file the master sent (in its `_督办标识`). */
export type SentFile = { round: number; unit: string; key: string };

const LABELS = { kind: '类型', masterId: '总表编号', round: '轮次', date: '下发日期', unit: '单位', fileKey: '文件编号', sent: '发送记录', book: '总表文件' } as const;
const KIND_LABEL = { master: '总表', unit: '下发台账' } as const;

/** The identity as label/value rows (the sheet's rows under its header); a sent file's row adds its unit and round. */
export function identityRows(id: Identity): Array<Array<string | number>> {
  return [
    [LABELS.kind, KIND_LABEL[id.kind]],
    [LABELS.masterId, id.masterId],
    [LABELS.round, id.round],
    [LABELS.date, id.date],
    [LABELS.unit, id.unit],
    ...(id.book ? [[LABELS.book, id.book] as [string, string]] : []),
    ...(id.fileKey !== undefined ? [[LABELS.fileKey, id.fileKey]] : []),
    ...(id.sent ?? []).map((f) => [LABELS.sent, f.key, f.unit, f.round]),
  ];
}

/**
 * Whether the master sent this unit's file (its key to its unit); null when it did, else why not.
 * A master with no record (split before keys were given) and a unit it never recorded take the file
 * on its identity alone, as before.
 */
export function sentCheck(master: Identity, file: Identity): string | null {
  const records = master.sent ?? [];
  if (records.some((f) => f.unit === file.unit && f.key === file.fileKey)) return null;
  if (!records.some((f) => f.unit === file.unit)) return null;
  const owner = records.find((f) => f.key === file.fileKey);
  const whose = owner !== undefined && owner.unit !== file.unit ? `，它是第 ${owner.round} 轮发给“${owner.unit}”的文件` : '';
  return `文件自称来自“${file.unit}”，但总表的发送记录中没有发给“${file.unit}”的这份文件${whose}（下发标识或工作表名可能被改过），未合并`;
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
  const fileKey = value(LABELS.fileKey);
  const sent = sheet.rows
    .filter((r) => cellText(r[0]) === LABELS.sent && cellText(r[1] ?? null) !== '')
    .map((r) => ({ key: cellText(r[1] ?? null), unit: cellText(r[2] ?? null), round: Number(cellText(r[3] ?? null)) }));
  return { kind, masterId, round, date: value(LABELS.date), unit: value(LABELS.unit), ...(fileKey !== '' ? { fileKey } : {}), ...(sent.length > 0 ? { sent } : {}), ...(name ? { book: name } : {}) };
}
