import { SEVERITY, type Finding } from '../../domain/validation/findings';
import { PAGE } from '../pages';
import { groupFindings } from '../../domain/validation/group';
import { sheetRef } from '../../domain/grid/a1';
import { formula, text, type SheetPlan } from '../plan';
import { SHEET } from '../../domain/grid/names';
import { forPaper, printSetup } from '../print';
import { SEVERITY_LABEL } from '../../domain/notice/labels';

/** A link to a cell of this workbook: =HYPERLINK("#'台账-市财政局'!H5","H5"). */
function link(sheet: string, cell: string): string {
  const target = `#${sheetRef(sheet)}!${cell}`.replace(/"/g, '""');
  return `HYPERLINK("${target}","${cell}")`;
}

/** Task ids named in a collapsed 未填报 row; the rest is "…" (each row is in --json). */
const TASKS_SHOWN = 20;

/**
 * 校验结果: the latest validation report, each cell a link to its place. Grouped as the pane and
 * `duban validate` group: the findings of filled rows by unit, then by rule; after them one row per
 * unit for the rows it has not filled in at all (NOT_REPORTED), linked to the first such row.
 */
export function validationSheet(findings: Finding[], asOf: string): SheetPlan {
  const g = groupFindings(findings);
  const place = (sheet: string, cell: string) => (sheet ? formula(link(sheet, cell)) : text(cell));
  const rows = [
    ...g.units.flatMap((u) => u.rules.flatMap((r) => r.findings)).map((f) => [
      text(SEVERITY_LABEL[f.severity]),
      text(f.code),
      text(f.sheet),
      place(f.sheet, f.cell),
      text(f.task),
      text(f.unit),
      text(f.message),
    ]),
    ...g.notReported.map((n) => [
      text(SEVERITY_LABEL[SEVERITY.NOT_REPORTED]),
      text('NOT_REPORTED'),
      text(n.sheet),
      place(n.sheet, n.cell),
      text(''),
      text(n.unit),
      text(`${n.rows} 行未填报：任务 ${n.tasks.slice(0, TASKS_SHOWN).join('、')}${n.tasks.length > TASKS_SHOWN ? '…' : ''}`),
    ]),
  ];
  return forPaper({
    key: SHEET.validation.key,
    name: SHEET.validation.name,
    columns: [
      { header: '严重程度', width: 9, role: 'generated' },
      { header: '规则', width: 20, role: 'generated' },
      { header: '工作表', width: 22, role: 'generated' },
      { header: '单元格', width: 9, role: 'generated' },
      { header: '任务编号', width: 9, role: 'generated', numberFormat: '@' },
      { header: '单位', width: 18, role: 'generated' },
      { header: `说明（统计日期 ${asOf}）`, width: 60, role: 'generated', wrap: true },
    ],
    rows,
    freeze: { rows: 1, columns: 0 },
    ...(rows.length > 0 ? { table: { name: 'Duban_Findings', style: 'TableStyleLight1' } } : {}),
    validations: [],
    conditionalFormats: rows.length > 0 ? [{ range: `A2:G${rows.length + 1}`, type: 'expression', formula: '$A2="错误"', fill: '#F8D7DA' }] : [],
    protect: false,
    print: printSetup('校验结果', asOf, PAGE.validation),
  }, asOf);
}
