import { UsageError, type Args } from './args';
import { isoDate, lastDayOfMonth } from '../domain/time/isoDate';

/** `--as-of YYYY-MM-DD`, checked to be a real date; null when absent. */
export function readAsOf(args: Args): string | null {
  const raw = args.values.get('--as-of');
  if (raw === undefined) return null;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw.trim());
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || mo < 1 || mo > 12 || d < 1 || d > lastDayOfMonth(y, mo)) throw new UsageError(`--as-of 需要 YYYY-MM-DD 格式的日期，收到 ${raw}`);
  return isoDate(y, mo, d);
}
