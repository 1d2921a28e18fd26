import { readIdentity, type Identity } from '../../domain/distribute/identity';
import { ledgersOf } from '../../domain/distribute/ledgerBack';
import type { Ledger } from '../../domain/ledger/ledgers';
import type { WorkbookData } from '../../domain/grid/sheetData';
import { readSummaryParameters } from '../../domain/summary/readSummary';
import type { WorkbookPlan } from '../plan';
import { identitySheet } from './identitySheet';
import { unitFilePlan } from './unitFile';
import { roundsAfterSplit } from './mergePlan';
import { unitFileNames } from '../../domain/distribute/unitFileNames';


export type SplitRequest = {
  /** The master as read back: every sheet but 责任矩阵, 校验结果 and _台账索引 (任务清单 and 量化指标 go into the files). */
  book: WorkbookData;
  /** Units to send to; empty for every unit with a ledger. */
  units: readonly string[];
  /** ISO date of this round. */
  date: string;
  /** A new random id: the master's at its first split, and each file's own key. */
  newId: () => string;
  /** The master's file name, recorded in each unit's file (''/omitted when unknown). */
  bookName?: string;
};

export type UnitFile = { unit: string; sheetName: string; fileName: string; rows: number; plan: WorkbookPlan };

export type PreparedSplit =
  | { ok: true; master: Identity; files: UnitFile[]; /** What to write into the master: its identity with this round. */ masterPlan: WorkbookPlan }
  | { ok: false; kind: 'noLedgers' | 'layout' | 'unknownUnit'; message: string };

/**
 * 下发 / `duban split` (DESIGN §10), one path for both: the round's identity, and one plan per chosen
 * unit (its ledger, its 任务清单 and 量化指标 rows, 填报说明, identity). The CLI writes the plans with
 * exceljs to files; the pane writes them to bytes and hands them to the clerk.
 */
export function prepareSplit(req: SplitRequest): PreparedSplit {
  const { book } = req;
  const { ledgers, problems } = ledgersOf(book);
  if (ledgers.length === 0) return { ok: false, kind: 'noLedgers', message: '工作簿中没有台账工作表（台账-单位），没有可下发的内容' };
  if (problems.length > 0) return { ok: false, kind: 'layout', message: (problems[0] as { message: string }).message };
  const unknown = req.units.find((u) => !ledgers.some((l) => l.unit === u));
  if (unknown !== undefined) return { ok: false, kind: 'unknownUnit', message: `工作簿中没有单位“${unknown}”的台账（单位名见“单位名录”工作表）` };
  const chosen: Ledger[] = req.units.length === 0 ? ledgers : ledgers.filter((l) => req.units.includes(l.unit));
  const before = readIdentity(book);
  const round = (before?.kind === 'master' ? before.round : 0) + 1;
  // Names are made over all ledgers, so a unit's file keeps its name whichever units are chosen.
  const fileNames = unitFileNames(ledgers.map((l) => l.sheetName));
  const nameOf = new Map(ledgers.map((l, i) => [l, fileNames[i] as string]));
  // Each file gets its own key, recorded in the master only: a returned file is the unit's only with its key.
  const keys = new Map(chosen.map((l) => [l, req.newId()]));
  const sent = [...(before?.kind === 'master' ? (before.sent ?? []) : []), ...chosen.map((l) => ({ round, unit: l.unit, key: keys.get(l) as string }))];
  // The master's id is made once, at its first split, and kept by every later rebuild and split.
  const master: Identity = {
    kind: 'master',
    masterId: before?.kind === 'master' ? before.masterId : req.newId(),
    round,
    date: req.date,
    unit: '',
    ...(req.bookName ? { book: req.bookName } : {}),
    sent,
  };
  const params = readSummaryParameters(book);
  const files = chosen.map((ledger) => ({
    unit: ledger.unit,
    sheetName: ledger.sheetName,
    fileName: nameOf.get(ledger) as string,
    rows: ledger.rows.length,
    plan: unitFilePlan({ book, ledger, identity: { kind: 'unit', masterId: master.masterId, round, date: req.date, unit: ledger.unit, fileKey: keys.get(ledger) as string, ...(req.bookName ? { book: req.bookName } : {}) }, asOf: params.asOf, warnDays: params.warnDays, reviewRequired: params.loop.reviewRequired }),
  }));
  // 报送记录 gains this round's rows (DESIGN §12): one per unit sent, 回收日期 filled in by 回收/merge.
  const rounds = roundsAfterSplit(book, chosen.map((l) => l.unit), round, req.date, params.loop);
  return { ok: true, master, files, masterPlan: { sheets: [identitySheet(master), rounds], names: [] } };
}

/** The command line that makes the same files, for a host where the add-in cannot save them. */
export function splitCommandLine(units: readonly string[], bookName = '工作簿.xlsx'): string {
  const quote = (s: string): string => (/^[\p{L}\p{N}._\-（）()]+$/u.test(s) ? s : `"${s.replace(/"/g, '\\"')}"`);
  return ['duban split', quote(bookName), '-d 下发', ...units.map((u) => `--unit ${quote(u)}`)].join(' ');
}
