import type { Finding } from '../../domain/validation/findings';
import { sheetRef } from '../a1';
import { formula, text, type SheetPlan } from '../plan';
import { SHEET } from '../names';
import { SEVERITY_LABEL } from '../../domain/notice/labels';


/** A link to a cell of this workbook: =HYPERLINK("#'台账-市财政局'!H5","H5"). */
function link(sheet: string, cell: string): string {
  const target = `#${sheetRef(sheet)}!${cell}`.replace(/"/g, '""');
  return `HYPERLINK("${target}","${cell}")`;
}

/** 校验结果: the latest validation report, one row per finding, each cell a link to its place. */
export function validationSheet(findings: Finding[], asOf: string): SheetPlan {
  return {
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
    rows: findings.map((f) => [
      text(SEVERITY_LABEL[f.severity]),
      text(f.code),
      text(f.sheet),
      f.sheet ? formula(link(f.sheet, f.cell)) : text(f.cell),
      text(f.task),
      text(f.unit),
      text(f.message),
    ]),
    freeze: { rows: 1, columns: 0 },
    ...(findings.length > 0 ? { table: { name: 'Duban_Findings', style: 'TableStyleLight1' } } : {}),
    validations: [],
    conditionalFormats: findings.length > 0 ? [{ range: `A2:G${findings.length + 1}`, type: 'expression', formula: '$A2="错误"', fill: '#F8D7DA' }] : [],
    protect: false,
  };
}
