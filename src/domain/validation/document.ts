import type { ValidationResult } from './validate';
import { SEVERITY_LABEL } from '../notice/labels';

/** `duban validate --json` (schema `duban.validation/1`). */
export function toValidationDocument(result: ValidationResult) {
  return {
    schema: 'duban.validation/1' as const,
    asOf: result.asOf,
    errors: result.errors,
    warnings: result.warnings,
    findings: result.findings.map(({ code, severity, sheet, cell, task, unit, message }) => ({ code, severity, sheet, cell, task, unit, message })),
  };
}

/** The readable report `duban validate` prints: counts, then one line per finding. */
export function formatValidation(result: ValidationResult, limit = 200): string {
  const lines = [`统计日期 ${result.asOf}：错误 ${result.errors} 个，警告 ${result.warnings} 个，共 ${result.findings.length} 条`];
  for (const f of result.findings.slice(0, limit)) lines.push(`[${SEVERITY_LABEL[f.severity]}] ${f.code} ${f.sheet}!${f.cell}${f.task ? ` 任务 ${f.task}` : ''}：${f.message}`);
  if (result.findings.length > limit) lines.push(`…另有 ${result.findings.length - limit} 条，用 --json 或 --write 查看全部`);
  return lines.join('\n');
}
