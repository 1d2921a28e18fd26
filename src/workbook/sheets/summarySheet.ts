import { DATE_FORMAT, date, formula, num, text, type SheetPlan } from '../plan';
import { DEFAULT_WARN_DAYS, SHEET } from '../names';

/** 汇总's parameter block: the as-of date (=TODAY() unless the user types a date), warn days, year. */
export function summaryParameters(year: number | null, asOf: string | null): NonNullable<SheetPlan['extraCells']> {
  return [
    { address: 'A1', cell: text('统计日期'), bold: true },
    { address: 'B1', cell: asOf === null ? formula('TODAY()') : date(asOf), numberFormat: DATE_FORMAT },
    { address: 'C1', cell: text('默认为今天；输入固定日期即按该日期统计') },
    { address: 'A2', cell: text('预警天数'), bold: true },
    { address: 'B2', cell: num(DEFAULT_WARN_DAYS) },
    { address: 'A3', cell: text('年度'), bold: true },
    { address: 'B3', cell: year === null ? null : num(year) },
  ];
}

export const SUMMARY_NAME_ADDRESSES = { asOf: 'B1', warnDays: 'B2', year: 'B3' } as const;

export function summarySheet(year: number | null, asOf: string | null): SheetPlan {
  return {
    key: SHEET.summary.key,
    name: SHEET.summary.name,
    columns: [
      { header: '', width: 14, role: 'generated' },
      { header: '', width: 12, role: 'fill' },
    ],
    rows: [],
    extraCells: summaryParameters(year, asOf),
    freeze: { rows: 0, columns: 0 },
    validations: [],
    conditionalFormats: [],
    protect: false,
  };
}
