import type ExcelJS from 'exceljs';
import { openWorkbook, writeWorkbookFile } from '../adapters/xlsx/files';
import { readWorkbookData } from '../adapters/xlsx/readWorkbook';
import { applyPlanToWorkbook } from '../adapters/xlsx/writePlan';
import { validateWorkbook, type ValidationResult } from '../domain/validation/validate';
import { forUnits } from '../domain/validation/group';
import { readMaster } from '../domain/validation/master';
import { formatValidation, toValidationDocument } from '../domain/validation/document';
import type { Finding } from '../domain/validation/findings';
import { ledgerSheets, readSummaryParameters } from '../domain/summary/readSummary';
import type { WorkbookData } from '../domain/grid/sheetData';
import { localIsoDate } from '../domain/time/isoDate';
import { validationSheet } from '../workbook/sheets/validationSheet';
import { DATE_FORMAT } from '../workbook/plan';
import { checkFlags, UsageError, valuesOf, type Args } from './args';
import { readAsOf } from './asOf';
import { rewriting } from './output';
import type { Io } from './io';

const USAGE = '用法：duban validate <工作簿.xlsx> [--json] [--as-of YYYY-MM-DD] [--unit 单位]… [--write] [--fix]';

/**
 * `duban validate <book.xlsx> [--json] [--as-of YYYY-MM-DD] [--unit NAME]… [--write] [--fix]` — exit 1
 * when any error is found. `--unit` checks only those units (and workbook-level findings); the text
 * report is grouped by unit and rule, `--json` lists every finding.
 */
export async function validateCommand(args: Args, io: Io, today: () => Date = () => new Date()): Promise<number> {
  checkFlags(args, ['--json', '--as-of', '--write', '--fix', '--unit']);
  const file = args.positional[0];
  if (file === undefined) throw new UsageError(USAGE);
  if (args.positional.length > 1) throw new UsageError(`多余的参数 ${args.positional.slice(1).join(' ')}；${USAGE}`);
  const wanted = valuesOf(args, '--unit').map((u) => u.trim());
  const writes = args.flags.has('--write') || args.flags.has('--fix');
  // A rewrite holds the file's lock from reading to writing, so no other duban writer comes between.
  return writes ? rewriting('validate', file, io, () => validate(file, wanted, args, io, today)) : validate(file, wanted, args, io, today);
}

async function validate(file: string, wanted: string[], args: Args, io: Io, today: () => Date): Promise<number> {
  const wb = await openWorkbook(file);
  io.progress('读取工作簿…');
  let book = readWorkbookData(wb);
  if (!book.sheets.some((s) => s.name === '任务清单')) throw new UsageError(`${file} 不是督办工作簿：缺少“任务清单”工作表`);
  checkUnits(book, wanted);
  const now = today();
  const asOf = readAsOf(args) ?? readSummaryParameters(book).asOf ?? localIsoDate(now);
  io.progress('校验…');
  const check = (): ValidationResult => only(validateWorkbook(book, asOf), wanted);
  let result = check();
  if (args.flags.has('--fix')) {
    const fixed = applyFixes(wb, result.findings);
    io.err(`已把 ${fixed} 处文字日期/文字数字改为日期/数字`);
    book = readWorkbookData(wb);
    result = check();
  }
  if (args.flags.has('--write') || args.flags.has('--fix')) {
    if (args.flags.has('--write')) applyPlanToWorkbook(wb, { sheets: [validationSheet(result.findings, asOf)], names: [] });
    await writeWorkbookFile(wb, file, book);
  }
  io.progress('');
  io.out(args.flags.has('--json') ? JSON.stringify(toValidationDocument(result), null, 2) : formatValidation(result, wanted));
  // Said after the report, on stderr, so --json output stays one document.
  if (args.flags.has('--write')) io.err(`已写入“校验结果”工作表：${file}`);
  return result.errors > 0 ? 1 : 0;
}

/** The result restricted to these units (all of it when none are named), counts included. */
function only(result: ValidationResult, units: readonly string[]): ValidationResult {
  if (units.length === 0) return result;
  const findings = forUnits(result.findings, units);
  return { ...result, findings, errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length };
}

/** Every `--unit` must be a unit of the workbook (单位名录, 任务清单 or a ledger); else a usage error naming close ones. */
function checkUnits(book: WorkbookData, wanted: readonly string[]): void {
  if (wanted.length === 0) return;
  const known = [...new Set([...(readMaster(book)?.units ?? []), ...ledgerSheets(book).map((l) => l.unit)])];
  for (const name of wanted) {
    if (known.includes(name)) continue;
    const close = closeNames(name, known);
    throw new UsageError(`工作簿中没有单位“${name}”${close.length > 0 ? `，是不是：${close.join('、')}？` : '（单位名见“单位名录”工作表）'}`);
  }
}

/** Up to five known names that contain the given one, or share most of its characters. */
function closeNames(name: string, known: readonly string[]): string[] {
  const chars = new Set(name);
  const score = (k: string): number => (k.includes(name) || name.includes(k) ? 1 : [...new Set(k)].filter((c) => chars.has(c)).length / Math.max(chars.size, new Set(k).size));
  return known
    .map((k) => ({ k, s: score(k) }))
    .filter((x) => x.s >= 0.5)
    .sort((a, b) => b.s - a.s || a.k.localeCompare(b.k, 'zh-CN'))
    .slice(0, 5)
    .map((x) => x.k);
}

/** Write the fix of every fixable finding (text dates → dates, text numbers → numbers); returns how many. */
function applyFixes(wb: ExcelJS.Workbook, findings: Finding[]): number {
  let n = 0;
  for (const f of findings) {
    if (f.fix === undefined) continue;
    const cell = wb.getWorksheet(f.sheet)?.getCell(f.cell);
    if (!cell) continue;
    cell.value = f.fix;
    if (f.code === 'TEXT_DATE') cell.style = { ...cell.style, numFmt: DATE_FORMAT };
    // `76.5%` fixed to 76.5: shown as the number, not as 7650%.
    if (f.code === 'PERCENT_TYPED') cell.style = { ...cell.style, numFmt: 'General' };
    n++;
  }
  return n;
}
