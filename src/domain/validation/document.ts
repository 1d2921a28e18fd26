import type { ValidationResult } from './validate';
import type { Finding } from './findings';
import { groupFindings } from './group';

/** `duban validate --json` (schema `duban.validation/1`): every finding, one per cell or row. */
export function toValidationDocument(result: ValidationResult) {
  return {
    schema: 'duban.validation/1' as const,
    asOf: result.asOf,
    errors: result.errors,
    warnings: result.warnings,
    findings: result.findings.map(({ code, severity, sheet, cell, task, unit, message }) => ({ code, severity, sheet, cell, task, unit, message })),
  };
}

/** Cells listed per rule line; the rest is “等” (every cell is in --json and 校验结果). */
const CELLS_SHOWN = 5;

/**
 * The readable report `duban validate` prints, grouped as `groupFindings` groups:
 *
 *     统计日期 2020-12-01：错误 3 个，警告 1 个，未填报 11 行（1 个单位）
 *     市财政局（台账-市财政局）：错误 3 个，警告 1 个
 *       必填项未填写 2 处：H5、J5
 *     未填报：
 *       市教委 11 行
 *
 * `units` names the units checked (`--unit`), for the header.
 */
export function formatValidation(result: ValidationResult, units: readonly string[] = []): string {
  const g = groupFindings(result.findings);
  const scope = units.length > 0 ? `（单位：${units.join('、')}）` : '';
  const lines = [`统计日期 ${result.asOf}${scope}：错误 ${g.errors} 个，警告 ${g.warnings} 个，未填报 ${g.notReportedRows} 行（${g.notReported.length} 个单位）`];
  for (const u of g.units) {
    lines.push(`${u.unit === '' ? '工作簿' : `${u.unit}${u.sheet ? `（${u.sheet}）` : ''}`}：错误 ${u.errors} 个，警告 ${u.warnings} 个`);
    // A cell on the group's own ledger is named by its address, any other by sheet and address.
    const place = (f: Finding): string => (f.sheet === '' ? '' : u.unit !== '' && f.sheet === u.sheet ? f.cell : `${f.sheet}!${f.cell}`);
    for (const r of u.rules) {
      const places = r.findings.map(place).filter((p) => p !== '');
      const shown = places.slice(0, CELLS_SHOWN).join('、');
      lines.push(`  ${r.label} ${r.count} 处${shown ? `：${shown}${places.length > CELLS_SHOWN ? ' 等' : ''}` : ''}`);
    }
  }
  if (g.notReported.length > 0) {
    lines.push('未填报：');
    for (const n of g.notReported) lines.push(`  ${n.unit} ${n.rows} 行`);
  }
  if (result.findings.length === 0) lines.push('没有发现问题');
  else lines.push('每一处的说明：--json，或 --write 写入“校验结果”工作表');
  return lines.join('\n');
}
