import { excelSerial, isoDate, lastDayOfMonth, type DateSystem } from '../time/isoDate';
import { CYCLE_MONTHS, type LoopSettings } from './settings';

/** 本期: the reporting period holding the as-of date (DESIGN §12). Dates are ISO. */
export type ReportingPeriod = {
  /** `2020年12月`, `2020年11—12月`, `2020年第4季度`, `2020年下半年`. */
  label: string;
  start: string;
  end: string;
  /** 报送截止日: the report day of the period's last month (the month's last day when it has fewer days). */
  due: string;
};

/** 按时报送 / 迟报 / 未报送 of a unit for 本期. */
export type ReportStatus = '按时报送' | '迟报' | '未报送';

/**
 * The period of `asOf` (ISO) under the settings' cycle.
 * @example reportingPeriod('2020-11-10', { ...DEFAULT_LOOP_SETTINGS, cycle: '每季度' }) //=> { label: '2020年第4季度', start: '2020-10-01', end: '2020-12-31', due: '2020-12-25' }
 */
export function reportingPeriod(asOf: string, settings: Pick<LoopSettings, 'cycle' | 'reportDay'>): ReportingPeriod {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const m = CYCLE_MONTHS[settings.cycle];
  const p = Math.floor((month - 1) / m);
  const first = p * m + 1;
  const last = first + m - 1;
  const days = lastDayOfMonth(year, last);
  const day = Math.min(Math.max(1, Math.floor(settings.reportDay)), days);
  const label = `${year}年${m === 1 ? `${first}月` : m === 2 ? `${first}—${last}月` : m === 3 ? `第${p + 1}季度` : p === 0 ? '上半年' : '下半年'}`;
  return { label, start: isoDate(year, first, 1), end: isoDate(year, last, days), due: isoDate(year, last, day) };
}

/**
 * Whether a unit reported in the period, and on time: any date it reported (a returned file merged,
 * an 更新日期 in its ledger) within [start, due] is 按时报送; else any within (due, end] is 迟报.
 * Dates are serials of `system`; anything that is not a number is no report.
 */
export function reportStatus(dates: readonly unknown[], period: ReportingPeriod, system: DateSystem): ReportStatus {
  const [start, due, end] = [period.start, period.due, period.end].map((d) => excelSerial(d, system)) as [number, number, number];
  const ds = dates.filter((d): d is number => typeof d === 'number' && Number.isFinite(d));
  if (ds.some((d) => d >= start && d <= due)) return '按时报送';
  if (ds.some((d) => d > due && d <= end)) return '迟报';
  return '未报送';
}

/**
 * The 报送截止日 a round sent on `sent` (ISO) asks for: its period's, or the next period's when the
 * round goes out after its period's report day.
 * @example roundDue('2020-12-28', DEFAULT_LOOP_SETTINGS) //=> '2021-01-25'
 */
export function roundDue(sent: string, settings: Pick<LoopSettings, 'cycle' | 'reportDay'>): string {
  const period = reportingPeriod(sent, settings);
  if (sent <= period.due) return period.due;
  const [y, m] = [Number(period.end.slice(0, 4)), Number(period.end.slice(5, 7))];
  return reportingPeriod(m === 12 ? isoDate(y + 1, 1, 1) : isoDate(y, m + 1, 1), settings).due;
}
