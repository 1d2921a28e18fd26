/**
 * Our Office.js adapter against Microsoft's real Excel client library (the Excel on the web
 * build), loaded in jsdom with a request executor of ours behind `context.sync()`: every request
 * body is the JSON Excel would receive, so its size is measured, not estimated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXCEL_WEB_REQUEST_LIMIT, loadExcelClientLibrary, requestBreakdown, type ExcelClientLibrary } from '../support/officeClientLibrary';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { applyPlan, REQUEST_LIMIT_BYTES, type ApplyStats } from '../../src/adapters/officejs/applyPlan';
import { createExcelHost } from '../../src/adapters/officejs/excelHost';
import { detectFeatures } from '../../src/adapters/officejs/requirements';
import { runExcel } from '../../src/adapters/officejs/runExcel';
import { scaledNotice } from '../../scripts/bench/parseBench';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const ALL = { dataValidation: true, conditionalFormats: true, dateSystem: true, pageLayout: true };
const noWait = async (): Promise<void> => undefined;
const B = (n: number): string => `${n.toLocaleString('en')} B`;

/** `Excel` as the adapter's runExcel sees it (a global), for the length of one test. */
function withGlobalExcel(lib: ExcelClientLibrary): void {
  (globalThis as { Excel?: unknown }).Excel = lib.Excel;
}
const realExcel = (globalThis as { Excel?: unknown }).Excel;
afterEach(() => {
  (globalThis as { Excel?: unknown }).Excel = realExcel;
});

type Measured = { lib: ExcelClientLibrary; stats: ApplyStats; writes: ExcelClientLibrary['requests']; max: number; total: number };
const measured = new Map<number, Measured>();

/** Apply the plan of the seed notice scaled k times to a new workbook, once per scale. */
async function applySeed(k: number): Promise<Measured> {
  const done = measured.get(k);
  if (done) return done;
  const lib = loadExcelClientLibrary();
  const { plan } = prepareWorkbook({ noticeText: k === 1 ? SEED : scaledNotice(k), previous: null, asOf: null });
  const stats = await lib.Excel.run((context) => applyPlan(context, plan, ALL));
  const writes = lib.requests.filter((r) => !r.cleanup);
  const m = { lib, stats, writes, max: Math.max(...lib.requests.map((r) => r.bytes)), total: lib.requests.reduce((a, r) => a + r.bytes, 0) };
  measured.set(k, m);
  return m;
}

afterAll(() => {
  const lines = [...measured].map(([k, m]) => {
    const rows = m.lib.requests.map((r, i) => {
      const b = requestBreakdown(r);
      const estimate = r.cleanup ? 'cleanup' : `est ${B(m.stats.requests[i] ?? 0)} (×${(r.bytes / (m.stats.requests[i] ?? 1)).toFixed(2)})`;
      return `    #${i + 1} ${B(r.bytes)} ${estimate}; payload ${B(b.payloadBytes)}, protocol ${B(b.overheadBytes)} in ${b.actions} actions / ${b.objectPaths} paths; envelope ${B(r.envelopeBytes)}`;
    });
    return [`  seed ×${k}: largest ${B(m.max)} (adapter's estimate of its largest ${B(m.stats.largestRequestBytes)}), total ${B(m.total)}, ${m.lib.requests.length} requests`, ...rows].join('\n');
  });
  if (lines.length > 0) console.log(`Request sizes through the real Excel client library:\n${lines.join('\n')}`);
});

describe('the real Excel client library in jsdom', () => {
  it('hands every sync to our executor as the JSON Excel receives', async () => {
    const lib = loadExcelClientLibrary();
    await lib.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [['a', 'b']];
      await context.sync();
    });
    const [write] = lib.requests;
    expect(write).toBeDefined();
    const text = JSON.stringify(write?.body);
    expect(write?.bytes).toBe(Buffer.byteLength(text, 'utf8'));
    expect(write?.body.Actions).toContainEqual(expect.objectContaining({ ActionType: 4, Name: 'Values', ArgumentInfo: { Arguments: [[['a', 'b']]] } }));
    expect(Object.values(write?.body.ObjectPaths ?? {})).toContainEqual(expect.objectContaining({ Name: 'GetRange', ArgumentInfo: { Arguments: ['A1:B1'] } }));
    // The library releases the range it kept a reference to, in a request of its own.
    expect(lib.requests.slice(1).map((r) => r.cleanup)).toEqual([true]);
    expect(lib.networkAttempts).toEqual([]);
  });

  it('answers as a new workbook: Sheet1, blank; no names, no tables; added sheets are seen later', async () => {
    const lib = loadExcelClientLibrary();
    const seen = await lib.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      context.workbook.names.load('items/name');
      context.workbook.tables.load('items/name,items/worksheet/name');
      const used = sheets.getItem('Sheet1').getUsedRangeOrNullObject(true);
      used.load('address,values');
      await context.sync();
      const first = { sheets: sheets.items.map((s) => s.name), names: context.workbook.names.items.length, tables: context.workbook.tables.items.length, blank: used.isNullObject };
      const added = sheets.add('台账-市财政局');
      context.workbook.names.add('Duban_Year', '=Sheet1!$A$1');
      await context.sync();
      added.getRange('A1').values = [['写在新表']];
      sheets.load('items/name');
      context.workbook.names.load('items/name');
      await context.sync();
      return { first, sheets: sheets.items.map((s) => s.name), names: context.workbook.names.items.map((n) => n.name) };
    });
    expect(seen).toEqual({ first: { sheets: ['Sheet1'], names: 0, tables: 0, blank: true }, sheets: ['Sheet1', '台账-市财政局'], names: ['Duban_Year'] });
  });

  it('refuses what Excel refuses: a value array of the wrong shape, a sheet name taken', async () => {
    const lib = loadExcelClientLibrary();
    const wrongShape = lib.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [['only one']];
      await context.sync();
    });
    await expect(wrongShape).rejects.toMatchObject({ code: 'InvalidArgument', debugInfo: { statement: 'range.values = ...;' } });
    await expect(lib.Excel.run(async (context) => void context.workbook.worksheets.add('sheet1'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  it('failSync: the Nth request fails and our code sees a RichApi error with its code', async () => {
    const lib = loadExcelClientLibrary({ failSync: 2 });
    withGlobalExcel(lib);
    const { plan } = prepareWorkbook({ noticeText: SEED, previous: null, asOf: null });
    const error = await runExcel((context, run) => applyPlan(context, plan, ALL, { run }), noWait).catch((e: unknown) => e);
    // The adapter says in Chinese how far it got and keeps Excel's error and code.
    expect(error).toMatchObject({ code: 'GeneralException', message: expect.stringContaining('已填写的台账内容都还在') });
    expect((error as { cause: unknown }).cause).toBeInstanceOf(lib.OfficeExtension.Error);
    expect((error as { cause: unknown }).cause).toMatchObject({ name: 'RichApi.Error', code: 'GeneralException', message: 'Injected failure of request 2 (GeneralException).' });
    expect(lib.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('failSync with InvalidOperationInCellEditMode: runExcel waits and runs the batch again', async () => {
    const lib = loadExcelClientLibrary({ failSync: 1, failCode: 'InvalidOperationInCellEditMode' });
    withGlobalExcel(lib);
    const { plan } = prepareWorkbook({ noticeText: SEED, previous: null, asOf: null });
    const stats = await runExcel((context) => applyPlan(context, plan, ALL), noWait);
    expect(stats.syncs).toBe(1 + stats.requests.length - 1); // the failed look was not counted; the retry ran whole
    expect(lib.workbook.sheets).toHaveLength(60);
  });

  it('a size limit answers as Excel on the web does (RequestPayloadSizeLimitExceeded)', async () => {
    const lib = loadExcelClientLibrary({ payloadLimitBytes: 1000 });
    const big = lib.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:A100').values = Array.from({ length: 100 }, () => ['督办']);
      await context.sync();
    });
    await expect(big).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });
});

describe('our adapter against the real Excel client library', () => {
  it('applies the seed plan to a new workbook, every request under 5 MB', async () => {
    const { lib, stats, writes, max, total } = await applySeed(1);
    expect(lib.workbook.sheets[0]?.name).toBe('Sheet1');
    expect(lib.workbook.sheets).toHaveLength(60);
    expect(lib.workbook.sheets.find((s) => s.name === '_台账索引')?.visibility).toBe('Hidden');
    expect(lib.workbook.sheets.map((s) => s.name)).toContain('报送记录');
    expect([...lib.workbook.names.keys()]).toEqual(expect.arrayContaining(['Duban_AsOf', 'Duban_WarnDays', 'Duban_Year']));
    // One request per sync of the adapter (the library adds one to release references).
    expect(writes).toHaveLength(stats.syncs);
    expect(max).toBeGreaterThan(0);
    expect(total).toBeGreaterThanOrEqual(max);
    expect(max).toBeLessThan(EXCEL_WEB_REQUEST_LIMIT);
    expect(lib.networkAttempts).toEqual([]);
  });

  // A new Excel workbook always has a blank Sheet1: it is not an earlier generation, and it goes once ours are there.
  it('the task pane action 生成工作簿 works in a new workbook (a blank Sheet1), through runExcel', async () => {
    const lib = loadExcelClientLibrary();
    withGlobalExcel(lib);
    const host = createExcelHost();
    const result = await host.generate(SEED, null, () => undefined);
    // Two syncs to read (a blank Sheet1 has no values), one to look, four write batches: the loop's
    // ledger columns and 报送记录, under the envelope aim kept 20 % below Excel's limit.
    expect(result).toMatchObject({ sheets: 59, syncs: 7 });
    expect(lib.requests.filter((r) => !r.cleanup)).toHaveLength(7);
    expect(lib.workbook.sheets).toHaveLength(59);
    expect(lib.workbook.sheets.map((s) => s.name)).not.toContain('Sheet1');
    expect(Math.max(...lib.requests.map((r) => r.bytes))).toBeLessThan(REQUEST_LIMIT_BYTES);
  });

  it('in an Excel with ExcelApi 1.7 only, the adapter calls nothing newer', async () => {
    const isSetSupported = (name: string, version: string): boolean => name !== 'ExcelApi' || Number(version) <= 1.7;
    const lib = loadExcelClientLibrary({ isSetSupported });
    const { plan } = prepareWorkbook({ noticeText: SEED, previous: null, asOf: null });
    await lib.Excel.run((context) => applyPlan(context, plan, detectFeatures(isSetSupported)));
    expect(lib.workbook.sheets).toHaveLength(60);
  });

  it.each([5, 10, 100])('applies the seed ×%i plan to completion; sizes measured against the estimate', async (k) => {
    const { lib, stats, writes, max } = await applySeed(k);
    expect(lib.workbook.sheets).toHaveLength(60);
    expect(writes).toHaveLength(stats.syncs);
    expect(stats.largestRequestBytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    expect(max).toBeGreaterThan(0);
  });

  // The adapter's estimate covers the protocol around each call (objects, calls, parts), measured here.
  it.each([5, 10, 100])('at seed ×%i every request is under Excel on the web’s 5 MB limit, its envelope 20 %% under it', async (k) => {
    const { max, stats, lib } = await applySeed(k);
    expect(max).toBeLessThan(EXCEL_WEB_REQUEST_LIMIT);
    expect(Math.max(...lib.requests.map((r) => r.envelopeBytes))).toBeLessThanOrEqual(0.8 * EXCEL_WEB_REQUEST_LIMIT);
    // The estimate is never below what is sent, so the 4 MB aim holds as measured.
    expect(max).toBeLessThanOrEqual(stats.largestRequestBytes);
  });
});
