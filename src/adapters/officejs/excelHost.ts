import type { WorkbookData } from '../../domain/grid/sheetData';
import type { WorkbookHost } from '../../host/hostTypes';
import { blankDefaultSheets, isEarlierGeneration, prepareWorkbook } from '../../workbook/prepareWorkbook';
import { applyPlan, isProtectionRefusal, SheetProtectedError } from './applyPlan';
import { PREVIEW_READ, TASKLIST_AND_FILLED, readWorkbookInExcel } from './readWorkbook';
import { readSummary, readSummaryParameters } from '../../domain/summary/readSummary';
import { summarize } from '../../domain/summary/summarize';
import { pendingPlaces } from '../../domain/summary/pendingPlaces';
import { isIsoDate, localIsoDate } from '../../domain/time/isoDate';
import { summaryPlan } from '../../workbook/buildWorkbookPlan';
import { detectFeatures } from './requirements';
import { DISTRIBUTE_BY_CLI, defaultIsSetSupported, excelHostFacts, officePlatform } from './excelHostFacts';
import { errorCode, runExcel, type RunState } from './runExcel';
import { explainError } from './errors';
import { PaneError } from '../../host/hostTypes';
import type { ExcelFeatures } from './requirements';
import type { GenerateResult, Progress, SummaryResult, UpdatePreview, ValidateResult } from '../../host/hostTypes';
import type { PreparedWorkbook } from '../../workbook/prepareWorkbook';
import type { TableInput } from '../../domain/table/readTaskTables';
import { DUBAN_SHEET_NAMES, SHEET } from '../../domain/grid/names';
import { taskListSources } from '../../domain/tasklist/taskListSources';
import { readSheetGrid } from './readSheetTable';
import { prepareFromTaskList } from '../../workbook/prepareFromTaskList';
import { previewChanges } from '../../workbook/previewChanges';
import type { TaskListFinding } from '../../domain/tasklist/readTaskList';
import { describeDiff, diffHeadline, isUnchanged, removalWarning } from '../../domain/diff/describeDiff';
import { validateWorkbook } from '../../domain/validation/validate';
import { withFixes } from '../../domain/validation/fixes';
import type { Finding } from '../../domain/validation/findings';
import { validationSheet } from '../../workbook/sheets/validationSheet';
import { DATE_FORMAT } from '../../workbook/plan';
import { collectInExcel, distributeInExcel, distributionUnitsInExcel } from './distributeInExcel';
import { downloadFile, type CreateWorkbook, type SaveFile } from './deliverFiles';
import { reminders, taskTexts } from '../../domain/summary/remind';
import { addSnapshot, readHistory, snapshotRows } from '../../domain/summary/history';
import { remindSheet } from '../../workbook/sheets/remindSheet';
import { historySheet } from '../../workbook/sheets/historySheet';
import { circularOfBook } from '../../domain/report/circularOfBook';
import { circularText } from '../../domain/report/circularText';
import { circularSheet } from '../../workbook/sheets/circularSheet';

/** The WorkbookHost backed by Excel: the only place the task pane's actions meet Office.js. */
export function createExcelHost(
  isSetSupported: (name: string, version: string) => boolean = defaultIsSetSupported,
  createWorkbook: CreateWorkbook = (base64) => Excel.createWorkbook(base64),
  options: { platform?: string | null; save?: SaveFile } = {},
): WorkbookHost {
  const features = detectFeatures(isSetSupported);
  const facts = excelHostFacts(isSetSupported, options.platform === undefined ? officePlatform() : options.platform);
  const delivery = facts.distributeDelivery;
  const save = options.save ?? downloadFile;
  // Range.getMergedAreasOrNullObject: a task-list table's merged 板块 and unit cells.
  const mergedAreas = isSetSupported('ExcelApi', '1.13');
  const host: WorkbookHost = {
    ...facts,
    // 任务清单 is read as `duban build --update` reads the file: it holds the workbook's 事项来源 and
    // the tasks of every other source, which the notice leaves as they are (DESIGN §13).
    generate: (noticeText, source, onProgress) =>
      runExcel((context, run) => rebuildInExcel(context, run, features, onProgress, TASKLIST_AND_FILLED, (previous) => prepareWorkbook({ noticeText, previous, asOf: null, today: localIsoDate(new Date()), ...sourceOf(source) }))),
    updateFromTaskList: (onProgress) =>
      runExcel((context, run) =>
        rebuildInExcel(context, run, features, onProgress, TASKLIST_AND_FILLED, (previous) => {
          if (previous === null) throw new Error(NOT_GENERATED);
          return prepareFromTaskList(previous, null);
        }),
      ),
    generateFromTable: (table, source, onProgress) =>
      runExcel((context, run) => rebuildInExcel(context, run, features, onProgress, TASKLIST_AND_FILLED, (previous) => prepareWorkbook({ table, previous, asOf: null, today: localIsoDate(new Date()), ...(source === null ? {} : { source }) }))),
    readSheetTable: (from) =>
      explained(() =>
        runExcel(async (context) => {
          // Loaded in the same sync as the sheet: whether the workbook is one Duban generated.
          const sheets = context.workbook.worksheets.load('items/name');
          const read = await readSheetGrid(context, from, mergedAreas);
          refuseOwnSheet(read.sheet, sheets.items.map((ws) => ws.name));
          return { sheet: read.sheet, address: read.address, grid: read.grid, mergeNote: read.mergesRead ? null : MERGES_UNREAD };
        }),
      ),
    previewUpdate: (input, source, onProgress) =>
      runExcel(async (context) => {
        onProgress({ step: '读取工作簿…', done: 0, total: 0 });
        const book = await readWorkbookInExcel(context, PREVIEW_READ, { dateSystem: features.dateSystem });
        if (!isEarlierGeneration(book)) throw new Error(NOT_GENERATED);
        onProgress({ step: '比较分工的变化…', done: 0, total: 0 });
        await letPaint();
        return previewOf(book, input, source);
      }),
    refreshSummary: (onProgress) => runExcel((context, run) => summaryInExcel(context, run, features, onProgress, null)),
    setAsOf: (date, onProgress) => {
      if (!isIsoDate(date)) return Promise.reject(new Error(`“${date}”不是日期（应为 YYYY-MM-DD）`));
      return runExcel((context, run) => summaryInExcel(context, run, features, onProgress, date));
    },
    remind: (onProgress) =>
      runExcel(async (context, run) => {
        const { book, params, asOf } = await readForSummary(context, features, onProgress);
        const doc = reminders(readSummary(book).input, taskTexts(book), asOf, params.warnDays);
        await applyPlan(context, { sheets: [remindSheet(doc)], names: [] }, features, { onProgress, run });
        return { asOf, units: doc.units.length, rows: doc.units.reduce((n, u) => n + u.rows.length, 0) };
      }),
    circular: (onProgress) =>
      runExcel(async (context, run) => {
        const { book, params, asOf } = await readForSummary(context, features, onProgress);
        const c = circularOfBook(book, { asOf, warnDays: params.warnDays });
        await applyPlan(context, { sheets: [circularSheet(c)], names: [] }, features, { onProgress, run });
        return { asOf, title: c.title, text: circularText(c) };
      }),
    snapshot: (replace, onProgress) =>
      runExcel(async (context, run) => {
        const { book, params, asOf, today } = await readForSummary(context, features, onProgress);
        const report = summarize(readSummary(book).input, asOf, params.warnDays);
        const { rows, clash } = addSnapshot(readHistory(book), snapshotRows(report), replace);
        // The pane asks before replacing a date's rows: nothing is written until it does.
        const counts = { rows: rows.length, periods: new Set(rows.map((r) => r.asOf)).size, units: report.units.length };
        if (clash && !replace) return { asOf, clash, replaced: false, ...counts };
        const { sheets, names } = summaryPlan(book, params.year, params.asOf, params.warnDays, today, rows);
        await applyPlan(context, { sheets: [...sheets, historySheet(rows)], names }, features, { onProgress, run });
        return { asOf, clash, replaced: clash, ...counts };
      }),
    validate: (onProgress) => runExcel((context, run) => validateInExcel(context, features, false, onProgress, run)),
    fixAndValidate: (onProgress) => runExcel((context, run) => validateInExcel(context, features, true, onProgress, run)),
    selectCell: (sheet, cell) =>
      explained(async () => {
        try {
          await runExcel(async (context) => {
            const ws = context.workbook.worksheets.getItem(sheet);
            ws.activate();
            ws.getRange(cell).select();
            await context.sync();
          });
        } catch (e) {
          if (errorCode(e) === 'ItemNotFound') throw new Error(`工作表“${sheet}”已不存在（可能已被删除或改名）。请重新校验。`);
          throw e;
        }
      }),
    distributionUnits: (onProgress) => explained(() => runExcel((context) => distributionUnitsInExcel(context, features, onProgress))),
    distribute: (units, onProgress) => (delivery === null ? Promise.reject(new PaneError(DISTRIBUTE_BY_CLI, null)) : runExcel((context, run) => distributeInExcel(context, features, units, { kind: delivery, createWorkbook, save }, onProgress, run))),
    collect: (files, onProgress) => runExcel((context, run) => collectInExcel(context, features, files, onProgress, run)),
    describeWorkbook: () =>
      explained(() =>
        runExcel(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load('items/name');
          await context.sync();
          const names = sheets.items.map((ws) => ws.name);
          const ledgers = names.filter((n) => n.startsWith('台账-')).map((n) => ({ unit: n.slice(3), sheet: n }));
          const generated = names.includes('单位名录') || ledgers.length > 0;
          if (!generated || !names.includes(SHEET.tasks.name)) return { generated, ledgers, sources: [], asOf: null, year: null };
          // 任务清单 and 汇总 alone: the sources a notice may update, asked about before it is
          // applied, and 汇总's 统计日期 and 年度 (a notice of an earlier year counted as of today).
          const described: ReadonlySet<string> = new Set([SHEET.tasks.name, SHEET.summary.name]);
          const book = await readWorkbookInExcel(context, new Set(names.filter((n) => !described.has(n))), { dateSystem: features.dateSystem });
          const { asOf, year } = readSummaryParameters(book);
          return { generated, ledgers, sources: taskListSources(book.sheets.find((s) => s.name === SHEET.tasks.name)), asOf, year };
        }),
      ),
  };
  // Every action's errors reach the pane explained: plain Chinese first, Excel's text as detail.
  return { ...host, generate: (...a) => explained(() => host.generate(...a)), generateFromTable: (...a) => explained(() => host.generateFromTable(...a)), updateFromTaskList: (...a) => explained(() => host.updateFromTaskList(...a)), previewUpdate: (...a) => explained(() => host.previewUpdate(...a)), refreshSummary: (...a) => explained(() => host.refreshSummary(...a)), setAsOf: (...a) => explained(() => host.setAsOf(...a)), validate: (...a) => explained(() => host.validate(...a)), fixAndValidate: (...a) => explained(() => host.fixAndValidate(...a)), distribute: (...a) => explained(() => host.distribute(...a)), collect: (...a) => explained(() => host.collect(...a)) };
}

const NOT_GENERATED = '当前工作簿还没有督办工作表，请先点击“生成工作簿”。';

/**
 * Read the workbook, prepare the rebuild, write it in batches: 生成工作簿 (from a notice) and
 * 更新分工 (from 任务清单) alike, in the one Excel.run of the action.
 */
async function rebuildInExcel(
  context: Excel.RequestContext,
  run: RunState,
  features: ExcelFeatures,
  onProgress: (p: Progress) => void,
  skip: ReadonlySet<string>,
  prepare: (previous: WorkbookData | null) => PreparedWorkbook & { findings?: TaskListFinding[] },
): Promise<GenerateResult> {
  onProgress({ step: '读取工作簿…', done: 0, total: 0 });
  // The rebuild reads what it would lose besides values (formulas, comments, links) to stop before losing it.
  const book = await readWorkbookInExcel(context, skip, { dateSystem: features.dateSystem, marks: features.cellMarks ?? false, textRuns: features.textRuns ?? false });
  // A new workbook has a blank Sheet1 and may have the office's own sheets: not a previous generation.
  const previous = isEarlierGeneration(book) ? book : null;
  onProgress({ step: previous ? '计算分工，核对已填写的台账…' : '计算分工与台账…', done: 0, total: 0 });
  // The computation below is synchronous: let the pane paint this phase first.
  await letPaint();
  const prepared = prepare(previous);
  if (prepared.problems.length > 0) throw new Error(prepared.problems.map((p) => p.message).join('；'));
  if (prepared.notice.tasks.length === 0) throw new Error('没有读到任何任务，未写入任何内容。');
  const blank = blankDefaultSheets(book);
  const plan = blank.length > 0 ? { ...prepared.plan, removeSheets: [...(prepared.plan.removeSheets ?? []), ...blank] } : prepared.plan;
  const stats = await applyPlan(context, plan, features, { onProgress, run, newWorkbook: previous === null });
  return {
    sheets: prepared.plan.sheets.length,
    ledgers: prepared.ledgers.ledgers.length,
    syncs: stats.syncs + book.syncs,
    keptRows: prepared.ledgers.keptRows,
    removedRows: prepared.ledgers.removedRows,
    notes: [...(prepared.findings ?? []).filter((f) => f.severity !== 'info').map((f) => `${f.sheet}!${f.cell}：${f.message}`), ...prepared.warnings.map((w) => w.message)],
  };
}

/** The changes preview of a notice or a task-list table (or of 任务清单, with null) applied to a generated workbook. */
function previewOf(book: WorkbookData, input: string | TableInput | null, source: string | null): UpdatePreview {
  const fromList = input === null ? prepareFromTaskList(book, null) : null;
  const prepared = fromList ?? prepareWorkbook({ ...(typeof input === 'string' ? { noticeText: input } : { table: input as TableInput }), previous: book, asOf: null, ...sourceOf(source) });
  const diff = fromList?.changes ?? previewChanges(book, prepared);
  const blocked = prepared.problems.length > 0 ? prepared.problems.map((p) => p.message).join('；') : null;
  return { headline: diffHeadline(diff), lines: describeDiff(diff).slice(1), movedRows: diff.movedRows, unchanged: isUnchanged(diff), findings: fromList?.findings ?? [], blocked, warning: fromList === null ? removalWarning(diff) : null };
}

/** The `source` option of prepareWorkbook: absent for the workbook's only source (no `--source`). */
const sourceOf = (source: string | null): { source?: string } => (source === null ? {} : { source });

/** One turn of the event loop, so a progress message is on screen before long synchronous work. */
const letPaint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function explained<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (e) {
    const { message, detail } = explainError(e);
    throw new PaneError(message, detail);
  }
}

/**
 * 校验 in one Excel.run: one read of the workbook, optionally the fixes (written as one batch),
 * then 校验结果 written. Returns the findings for the pane.
 */
async function validateInExcel(context: Excel.RequestContext, features: ExcelFeatures, fix: boolean, onProgress: (p: Progress) => void, run: RunState): Promise<ValidateResult> {
  onProgress({ step: '读取工作簿…', done: 0, total: 2 });
  let book: WorkbookData = await readWorkbookInExcel(context, VALIDATION_SKIPS, { dateSystem: features.dateSystem });
  if (!book.sheets.some((s) => s.name === '任务清单')) throw new Error('当前工作簿还没有督办工作表，请先点击“生成工作簿”。');
  const now = new Date();
  const asOf = readSummaryParameters(book).asOf ?? localIsoDate(now);
  let result = validateWorkbook(book, asOf);
  if (fix) {
    const fixes = result.findings.filter((f) => f.fix !== undefined);
    await applyFixes(context, fixes, run);
    // The fixed values are known: apply them to what was read instead of reading the workbook again.
    book = withFixes(book, fixes);
    result = validateWorkbook(book, asOf);
  }
  onProgress({ step: '写入校验结果…', done: 1, total: 2 });
  await applyPlan(context, { sheets: [validationSheet(result.findings, asOf)], names: [] }, features, { run });
  return {
    asOf,
    errors: result.errors,
    warnings: result.warnings,
    findings: result.findings.map(({ code, severity, sheet, cell, task, unit, message, fix: f }) => ({ code, severity, sheet, cell, task, unit, message, fixable: f !== undefined })),
  };
}

/**
 * Write the fixes (a text date becomes a date cell, a text number a number). A date needs its
 * number format, which a protected ledger refuses: protection is lifted around the fix and put
 * back with the options the sheet had. Sheets are checked first, since unprotect() fails on an
 * unprotected sheet; a sheet protected with a password stops the fix before anything is written.
 */
async function applyFixes(context: Excel.RequestContext, fixes: Finding[], run: RunState): Promise<void> {
  if (fixes.length === 0) return;
  const bySheet = new Map<string, Finding[]>();
  for (const f of fixes) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  const sheets = [...bySheet.keys()].map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    ws.protection.load('protected,options');
    return { name, ws };
  });
  await context.sync();
  const locked = sheets.filter(({ ws }) => ws.protection.protected);
  for (const { ws } of locked) ws.protection.unprotect();
  try {
    await context.sync();
  } catch (e) {
    if (!isProtectionRefusal(e)) throw e;
    throw new SheetProtectedError(locked.map(({ name }) => name), e);
  }
  for (const { name, ws } of sheets) {
    for (const f of bySheet.get(name) ?? []) {
      const range = ws.getRange(f.cell);
      if (f.code === 'TEXT_DATE') range.numberFormat = [[DATE_FORMAT]];
      // `76.5%` fixed to 76.5 shows as the number, not as 7650%.
      if (f.code === 'PERCENT_TYPED') range.numberFormat = [['General']];
      range.values = [[f.fix as number]];
    }
  }
  for (const { ws } of locked) ws.protection.protect(ws.protection.options);
  run.wrote = true;
  try {
    await context.sync();
  } catch (e) {
    const names = locked.map(({ name }) => name);
    throw Object.assign(new Error(`修正没有完成${names.length > 0 ? `，以下工作表的保护已撤销、尚未恢复：${names.join('、')}。请再点一次“把文字日期改为日期”，或重新生成工作簿以恢复保护` : ''}。`), { cause: e, code: errorCode(e) });
  }
}

/** Validation reads everything units fill, and 汇总 for its as-of date. */
const VALIDATION_SKIPS: ReadonlySet<string> = new Set(['责任矩阵', '校验结果', '_台账索引']);

/**
 * 刷新汇总 in one Excel.run: 汇总 and its row index rebuilt from the workbook as it is now. With
 * `setDate` (统计日期 set from the pane), 汇总!B1 becomes that date and the figures are as of it;
 * without, 统计日期 is kept as it is (a date, or =TODAY()).
 */
async function summaryInExcel(context: Excel.RequestContext, run: RunState, features: ExcelFeatures, onProgress: (p: Progress) => void, setDate: string | null): Promise<SummaryResult> {
  const { book, params, asOf: current } = await readForSummary(context, features, onProgress);
  const asOf = setDate ?? current;
  const read = readSummary(book);
  const report = summarize(read.input, asOf, params.warnDays);
  const { sheets, names } = summaryPlan(book, params.year, setDate ?? params.asOf, params.warnDays, asOf);
  await applyPlan(context, { sheets, names }, features, { onProgress, run });
  const o = report.overall;
  const pending = pendingPlaces(book, read.input, read.layout, report.pending);
  return { asOf, tasks: o.tasks, done: o.done, overdue: o.overdue, dueSoon: o.dueSoon, completionRate: o.completionRate, pending };
}

/** 刷新汇总 reads everything but the sheets it rebuilds or never counts. */
const SUMMARY_SKIPS: ReadonlySet<string> = new Set(['责任矩阵', '校验结果', '_台账索引']);

/** What 刷新汇总, 生成催办单 and 存档本期 read: the workbook, 汇总's parameters, the as-of date (统计日期, else today). */
async function readForSummary(context: Excel.RequestContext, features: ExcelFeatures, onProgress: (p: Progress) => void) {
  onProgress({ step: '读取台账…', done: 0, total: 0 });
  const book = await readWorkbookInExcel(context, SUMMARY_SKIPS, { dateSystem: features.dateSystem });
  if (!book.sheets.some((s) => s.name === '任务清单')) throw new Error('当前工作簿还没有督办工作表，请先点击“生成工作簿”。');
  const params = readSummaryParameters(book);
  const today = localIsoDate(new Date());
  return { book, params, today, asOf: params.asOf ?? today };
}

const MERGES_UNREAD = '此版本 Excel 无法读取合并单元格（需要 ExcelApi 1.13）：合并的单元格只有第一行有内容，请核对板块和单位。';

/**
 * A sheet Duban generates is no task-list table to build from; a user's sheet that has the name of
 * one of Duban's would be overwritten by the build: both are refused before anything is shown.
 */
function refuseOwnSheet(sheet: string, names: string[]): void {
  const ours = DUBAN_SHEET_NAMES.some((n) => n.toLowerCase() === sheet.toLowerCase()) || sheet.startsWith('台账-');
  if (!ours) return;
  if (names.includes('单位名录') || names.some((n) => n.startsWith('台账-'))) {
    throw new Error(`工作表“${sheet}”是督办生成的工作表，不能作为分工表读取。请切换到存放分工表的工作表（或选中分工表所在区域）后再读取。`);
  }
  throw new Error(`工作表“${sheet}”与督办要生成的工作表同名，生成时会被覆盖。请先把它改名（例如“分工表”），再读取。`);
}
