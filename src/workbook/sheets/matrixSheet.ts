import type { ParsedNotice, UnitLoad } from '../../domain/notice/types';
import { PAGE } from '../pages';
import { ROLE_LABEL } from '../../domain/ledger/ledgers';
import { columnLetter } from '../../domain/grid/a1';
import { TEXT_FORMAT, formula, text, type Cell, type ColumnPlan, type ConditionalFormatPlan, type SheetPlan } from '../plan';
import { printSetup } from '../print';
import { SHEET } from '../../domain/grid/names';

/** Heat colours by role: the accountable one darkest. */
const HEAT: Array<[string, string]> = [
  ['牵头', '#F4B183'],
  ['负责', '#FFE699'],
  ['分别负责', '#BDD7EE'],
  ['配合', '#E2EFDA'],
];

const CATEGORY_ORDER = { municipal: 0, central: 1, other: 2, unknown: 3, group: 4, placeholder: 5 } as const;

/**
 * 责任矩阵: tasks × units with 牵头/负责/配合/分别负责, per-task counts and the "exactly one
 * accountable" check, and per-unit load totals under the grid — all live formulas.
 */
export function matrixSheet(notice: ParsedNotice, unitOrder: ReadonlyMap<string, number>): SheetPlan {
  const units: UnitLoad[] = [...notice.units].sort(
    (a, b) => CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] || (unitOrder.get(a.name) ?? Infinity) - (unitOrder.get(b.name) ?? Infinity),
  );
  const first = 2; // units start at column C
  const lastUnitCol = columnLetter(first + units.length - 1);
  const leadCol = columnLetter(first + units.length);
  const countCol = columnLetter(first + units.length + 1);
  const n = notice.tasks.length;
  const columns: ColumnPlan[] = [
    { header: '任务编号', width: 9, role: 'generated', numberFormat: TEXT_FORMAT },
    { header: '任务内容', width: 30, role: 'generated' },
    ...units.map((u): ColumnPlan => ({ header: u.name, width: 6, role: 'generated' })),
    { header: '牵头数', width: 7, role: 'formula' },
    { header: '单位数', width: 7, role: 'formula' },
    { header: '核查', width: 12, role: 'formula' },
  ];
  const rows: Cell[][] = notice.tasks.map((task, i) => {
    const r = i + 2;
    const span = `C${r}:${lastUnitCol}${r}`;
    return [
      text(task.id),
      text(task.text.length > 40 ? `${task.text.slice(0, 40)}…` : task.text),
      ...units.map((u) => {
        const role = task.units.find((x) => x.name === u.name)?.role;
        return role ? text(ROLE_LABEL[role]) : null;
      }),
      formula(`COUNTIF(${span},"牵头")`),
      formula(`COUNTA(${span})`),
      formula(`IF(${leadCol}${r}=0,IF(COUNTIF(${span},"分别负责")>0,"分别负责","无牵头"),IF(${leadCol}${r}>1,"多个牵头",""))`),
    ];
  });
  const totalsAt = n + 3; // one blank row between the grid and the totals
  const extraCells: NonNullable<SheetPlan['extraCells']> = [];
  ['牵头', '负责', '配合', '分别负责'].forEach((label, k) => {
    const r = totalsAt + k;
    extraCells.push({ address: `B${r}`, cell: text(`${label}合计`), bold: true });
    units.forEach((_, j) => {
      const c = columnLetter(first + j);
      extraCells.push({ address: `${c}${r}`, cell: formula(`COUNTIF(${c}2:${c}${n + 1},"${label}")`) });
    });
  });
  extraCells.push({ address: `B${totalsAt + 4}`, cell: text('合计'), bold: true });
  units.forEach((_, j) => {
    const c = columnLetter(first + j);
    extraCells.push({ address: `${c}${totalsAt + 4}`, cell: formula(`COUNTA(${c}2:${c}${n + 1})`), bold: true });
  });
  const grid = `C2:${lastUnitCol}${n + 1}`;
  const conditionalFormats: ConditionalFormatPlan[] =
    n > 0 && units.length > 0
      ? [
          ...HEAT.map(([label, fill]): ConditionalFormatPlan => ({ range: grid, type: 'expression', formula: `C2="${label}"`, fill })),
          { range: `${countCol}2:${columnLetter(first + units.length + 2)}${n + 1}`, type: 'expression', formula: `$${columnLetter(first + units.length + 2)}2="多个牵头"`, fill: '#F8D7DA' },
        ]
      : [];
  return {
    key: SHEET.matrix.key,
    name: SHEET.matrix.name,
    columns,
    rows,
    extraCells,
    freeze: { rows: 1, columns: 2 },
    validations: [],
    conditionalFormats,
    protect: true,
    // Too wide for one page: it goes across as many pages as it needs, each with the unit row and the task columns.
    print: printSetup('责任矩阵', null, PAGE.matrix),
  };
}
