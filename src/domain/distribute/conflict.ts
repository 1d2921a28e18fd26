import type { FillValue } from '../ledger/ledgers';

/** A cell both the office (in the master) and the unit (in its file) changed since the split. */
export type Conflict = {
  sheet: string;
  cell: string;
  task: string;
  unit: string;
  column: string;
  master: FillValue;
  /**
   * When the master's side is not the office's: the unit of the same merge whose returned value
   * the master took first (two units reporting one shared 量化指标 row differently).
   */
  masterFrom?: string;
  returned: FillValue;
  /** Which value the merged ledger holds: the side whose row has the later 更新日期. */
  applied: 'master' | 'returned';
  file: string;
};
