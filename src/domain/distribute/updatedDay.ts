import type { SheetValue } from '../grid/sheetData';
import { excelSerial, type DateSystem } from '../time/isoDate';
import { parseTextDate } from '../validation/textValues';

/**
 * The day a 更新日期 cell says, as a serial of the workbook's date system: a date, or a date typed
 * as text (`2020年12月25日`, `2020.12.25`), which a unit's program may have kept as text. Anything
 * else is no date (null). Conflicts compare these: a text date must not lose to an earlier real one.
 * @example updatedDay('2020年12月25日', 1900) //=> 44190
 */
export function updatedDay(v: SheetValue | undefined, system: DateSystem): number | null {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return null;
  const iso = parseTextDate(v);
  return iso === null ? null : excelSerial(iso, system);
}

/** Whether the returned side wins a conflict: its 更新日期 is not earlier than the master's, or the master's is no date. */
export function returnedIsNewer(returned: SheetValue | undefined, master: SheetValue | undefined, system: DateSystem): boolean {
  const [r, m] = [updatedDay(returned, system), updatedDay(master, system)];
  if (m === null) return true;
  return r !== null && r >= m;
}
