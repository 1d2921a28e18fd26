/**
 * The supervision loop's settings (DESIGN §12): named cells on 汇总 the office may edit. Whatever a
 * cell holds, the workbook formulas and this engine read it the same way (an unknown cycle is 每月,
 * a report day that is no number is 25, only 是 requires review, a tolerance that is no number is 5).
 */
export const REPORT_CYCLES = ['每月', '每两月', '每季度', '每半年'] as const;
export type ReportCycle = (typeof REPORT_CYCLES)[number];
/** Months per period, in the order of REPORT_CYCLES (the formulas CHOOSE from the same list). */
export const CYCLE_MONTHS: Record<ReportCycle, number> = { 每月: 1, 每两月: 2, 每季度: 3, 每半年: 6 };

export type LoopSettings = {
  /** @default '每月' */
  cycle: ReportCycle;
  /** Day of the period's last month by which units report. @default 25 */
  reportDay: number;
  /** With true, 已完成 without 审核结果 通过 is 待审核, not done. @default false */
  reviewRequired: boolean;
  /** Percentage points a target may trail 序时进度 before it is 慢于序时. @default 5 */
  paceTolerance: number;
};

export const DEFAULT_LOOP_SETTINGS: LoopSettings = { cycle: '每月', reportDay: 25, reviewRequired: false, paceTolerance: 5 };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Settings from what the cells hold, as the formulas read them.
 * @example readLoopSettings('每季度', 20, '是', null) //=> { cycle: '每季度', reportDay: 20, reviewRequired: true, paceTolerance: 5 }
 */
export function readLoopSettings(cycle: unknown, reportDay: unknown, reviewRequired: unknown, paceTolerance: unknown): LoopSettings {
  return {
    cycle: (REPORT_CYCLES as readonly unknown[]).includes(cycle) ? (cycle as ReportCycle) : DEFAULT_LOOP_SETTINGS.cycle,
    // Kept as typed: the period's due day is clamped to its month when it is computed, as the formula does.
    reportDay: isNumber(reportDay) ? reportDay : DEFAULT_LOOP_SETTINGS.reportDay,
    reviewRequired: reviewRequired === '是',
    paceTolerance: isNumber(paceTolerance) ? paceTolerance : DEFAULT_LOOP_SETTINGS.paceTolerance,
  };
}
