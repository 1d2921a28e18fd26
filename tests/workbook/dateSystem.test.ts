/**
 * Workbooks in the 1904 date system (`<workbookPr date1904="1"/>`, the old default of Excel for
 * Mac): every date is a serial 1 462 lower than in the 1900 system. `duban build --update`,
 * `validate` and `summary` must read and write serials in the workbook's own system, and keep
 * that system. Checked on real files: read back with exceljs, as raw XML, and as LibreOffice shows
 * them.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkbook } from '../../src/workbook/prepareWorkbook';
import { excelSerial, fromExcelSerial, isDateSerial } from '../../src/domain/time/isoDate';
import { declaredDateSystem, zipEntryText } from '../../src/adapters/xlsx/dateSystem';
import { openXlsx as open, cli } from '../support/captureIo';
import { recalculate, sheetsAsShown } from '../support/libreoffice';

const root = join(__dirname, '..', '..');
const SEED = join(root, 'seeds', 'tianjin-2020-task-division.txt');
const AS_OF = '2020-12-01';

/** Independent of the code under test: days from each system's day 0 (1904-01-01, and 1899-12-30). */
const serial1904 = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1904, 0, 1)) / 86_400_000;
const serial1900 = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
const isoOf = (d: Date): string => d.toISOString().slice(0, 10);



/** A part of the file as stored. */
async function part(path: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const file = zip.file(name);
  if (!file) throw new Error(`${path} has no ${name}`);
  return file.async('string');
}

/** `xl/worksheets/sheetN.xml` of a sheet, by its name. */
async function sheetXml(path: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const book = await (zip.file('xl/workbook.xml') as JSZip.JSZipObject).async('string');
  const rels = await (zip.file('xl/_rels/workbook.xml.rels') as JSZip.JSZipObject).async('string');
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${sheet}`);
  return (zip.file(`xl/${target.replace(/^\/?xl\//, '')}`) as JSZip.JSZipObject).async('string');
}

/** The raw `<v>` of a cell in a sheet's XML. */
const rawValue = (xml: string, cell: string): string | undefined => new RegExp(`<c r="${cell}"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>`).exec(xml)?.[1];

const headerIndex = (ws: ExcelJS.Worksheet, header: string): number => {
  let at = -1;
  ws.getRow(1).eachCell((c, i) => {
    if (c.value === header) at = i;
  });
  if (at < 0) throw new Error(`${ws.name} has no ${header}`);
  return at;
};
const rowOf = (ws: ExcelJS.Worksheet, taskId: string): number => {
  let at = -1;
  ws.eachRow((row, r) => {
    if (r > 1 && row.getCell(1).value === taskId && at < 0) at = r;
  });
  if (at < 0) throw new Error(`${ws.name} has no row ${taskId}`);
  return at;
};

/** Dates a Mac user typed, by ledger, task and column. */
const TYPED = [
  { sheet: '台账-市财政局', task: '36.1', header: '计划完成时间', iso: '2020-08-31' },
  { sheet: '台账-市财政局', task: '36.1', header: '完成日期', iso: '2020-09-30' },
  { sheet: '台账-市财政局', task: '36.1', header: '更新日期', iso: '2020-11-30' },
  { sheet: '台账-市财政局', task: '30.1', header: '计划完成时间', iso: '2020-12-31' },
  { sheet: '台账-市财政局', task: '30.1', header: '完成日期', iso: '2020-12-02' },
] as const;

describe('date serials', () => {
  it('convert in each system; a number past 9999-12-31 is no date in either', () => {
    expect(excelSerial('2020-09-30', 1900)).toBe(serial1900('2020-09-30'));
    expect(excelSerial('2020-09-30', 1904)).toBe(serial1904('2020-09-30'));
    expect(excelSerial('2020-09-30', 1900) - excelSerial('2020-09-30', 1904)).toBe(1462);
    expect(fromExcelSerial(serial1904('2020-09-30'), 1904)).toBe('2020-09-30');
    expect(fromExcelSerial(serial1900('2020-09-30'), 1900)).toBe('2020-09-30');
    expect(fromExcelSerial(serial1900('9999-12-31') + 0.5, 1900)).toBe('9999-12-31');
    for (const system of [1900, 1904] as const) {
      expect(isDateSerial(20231231, system)).toBe(false);
      expect(fromExcelSerial(20231231, system)).toBeNull();
      expect(fromExcelSerial(NaN, system)).toBeNull();
      expect(fromExcelSerial(Infinity, system)).toBeNull();
      expect(fromExcelSerial(-1, system)).toBeNull();
      expect(isDateSerial(excelSerial('9999-12-31', system) + 1, system)).toBe(false);
    }
    expect(Number.isNaN(excelSerial('57289-10-09', 1900))).toBe(true);
  });
});

describe('a 1904 workbook through duban build --update, validate and summary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-1904-'));
  const first = join(dir, 'first.xlsx');
  const mac = join(dir, 'mac.xlsx');
  const updated = join(dir, 'updated.xlsx');
  const dueById = new Map(prepareWorkbook({ noticeText: readFileSync(SEED, 'utf8'), previous: null, asOf: null }).notice.tasks.map((t) => [t.id, t.deadline.due]));

  beforeAll(async () => {
    expect((await cli(['build', SEED, '-o', first, '--as-of', AS_OF])).code).toBe(0);
    // Make it a Mac workbook: exceljs holds date cells as Dates and writes them in the 1904
    // system once the flag is set, as Excel does when the option is switched on.
    const wb = await open(first);
    wb.properties.date1904 = true;
    for (const t of TYPED) {
      const ws = wb.getWorksheet(t.sheet) as ExcelJS.Worksheet;
      ws.getCell(rowOf(ws, t.task), headerIndex(ws, t.header)).value = new Date(`${t.iso}T00:00:00Z`);
    }
    await wb.xlsx.writeFile(mac);
    const r = await cli(['build', SEED, '-o', updated, '--update', mac]);
    expect(r).toMatchObject({ code: 0, err: '' });
  });

  it('the fixture is a real 1904 workbook: the flag, and typed dates stored as 1904 serials', async () => {
    expect(await part(mac, 'xl/workbook.xml')).toMatch(/<workbookPr[^>]*date1904="1"/);
    expect(declaredDateSystem(readFileSync(mac))).toBe(1904);
    expect(declaredDateSystem(readFileSync(first))).toBe(1900);
    const xml = await sheetXml(mac, '台账-市财政局');
    const ws = (await open(mac)).getWorksheet('台账-市财政局') as ExcelJS.Worksheet;
    const cell = ws.getCell(rowOf(ws, '36.1'), headerIndex(ws, '计划完成时间'));
    expect(Number(rawValue(xml, cell.address))).toBe(serial1904('2020-08-31'));
  });

  it('the update keeps the workbook in the 1904 system', async () => {
    expect(await part(updated, 'xl/workbook.xml')).toMatch(/<workbookPr[^>]*date1904="1"/);
    expect(zipEntryText(readFileSync(updated), 'xl/workbook.xml')).toContain('date1904="1"');
  });

  it('every typed date, 截止日期 and 统计日期 is the same calendar date after the update', async () => {
    const wb = await open(updated);
    expect(wb.properties.date1904).toBe(true);
    for (const t of TYPED) {
      const ws = wb.getWorksheet(t.sheet) as ExcelJS.Worksheet;
      const cell = ws.getCell(rowOf(ws, t.task), headerIndex(ws, t.header));
      expect({ ...t, got: isoOf(cell.value as Date) }).toEqual({ ...t, got: t.iso });
      // Stored as the 1904 serial, not the 1900 one (the bug moved 2020-09-30 to 2024-10-01).
      expect(Number(rawValue(await sheetXml(updated, t.sheet), cell.address))).toBe(serial1904(t.iso));
    }
    let dueCells = 0;
    const checkDue = (ws: ExcelJS.Worksheet, header: string, idColumn: number): void => {
      const col = headerIndex(ws, header);
      ws.eachRow((row, r) => {
        if (r === 1) return;
        const due = dueById.get(String(row.getCell(idColumn).value));
        if (due === undefined) return;
        const v = row.getCell(col).value;
        expect({ sheet: ws.name, row: r, due: v instanceof Date ? isoOf(v) : v }).toEqual({ sheet: ws.name, row: r, due });
        dueCells++;
      });
    };
    checkDue(wb.getWorksheet('任务清单') as ExcelJS.Worksheet, '截止日期', 1);
    // The index's 截止日期 is the row's effective due date since the loop (DESIGN §12): a formula that
    // falls back to the ledger's own 截止日期 (column G, checked below), never a serial of its own.
    const index = wb.getWorksheet('_台账索引') as ExcelJS.Worksheet;
    index.eachRow((row, r) => {
      if (r === 1 || !dueById.has(String(row.getCell(1).value))) return;
      const f = (row.getCell(headerIndex(index, '截止日期')).value as { formula?: string } | null)?.formula ?? '';
      expect({ row: r, f }).toEqual({ row: r, f: expect.stringMatching(/,IF\(ISNUMBER\(('台账-[^']+'!G\d+)\),\1,""\)\)$/) });
    });
    wb.eachSheet((ws) => {
      if (ws.name.startsWith('台账-')) checkDue(ws, '截止日期', 1);
    });
    expect(dueCells).toBeGreaterThan(500);
    expect(isoOf((wb.getWorksheet('汇总') as ExcelJS.Worksheet).getCell('B1').value as Date)).toBe(AS_OF);
    expect(Number(rawValue(await sheetXml(updated, '汇总'), 'B1'))).toBe(serial1904(AS_OF));
  });

  it('the data validation of date columns is bounded by 1904 serials', async () => {
    const xml = await sheetXml(updated, '台账-市财政局');
    const bounds = [...xml.matchAll(/<dataValidation [^>]*type="date"[^>]*>\s*<formula1>([^<]*)<\/formula1>\s*<formula2>([^<]*)<\/formula2>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(bounds.length).toBeGreaterThan(0);
    for (const b of bounds) expect(b).toEqual([serial1904('2000-01-01'), serial1904('2099-12-31')]);
  });

  it('LibreOffice shows the same dates', () => {
    const shown = sheetsAsShown(updated);
    const ledger = shown.get('台账-市财政局') as string[][];
    const header = ledger[0] as string[];
    for (const t of TYPED) {
      const row = ledger.find((r) => r[0] === t.task) as string[];
      expect({ ...t, shown: row[header.indexOf(t.header)] }).toEqual({ ...t, shown: t.iso });
    }
    const tasks = shown.get('任务清单') as string[][];
    const dueAt = (tasks[0] as string[]).indexOf('截止日期');
    const rows = tasks.slice(1).filter((r) => dueById.has(r[0] as string));
    expect(rows.length).toBe(dueById.size);
    for (const r of rows) expect([r[0], r[dueAt]]).toEqual([r[0], dueById.get(r[0] as string) ?? '']);
    expect(shown.get('汇总')?.[0]?.[1]).toBe(AS_OF);
  });

  it('validate compares in the 1904 system: --as-of and typed dates agree', async () => {
    const r = await cli(['validate', updated, '--json', '--as-of', AS_OF, '--unit', '市财政局']);
    const findings = (JSON.parse(r.out) as { findings: Array<{ code: string; task: string; cell: string }> }).findings;
    // 30.1 was done on 12-02, a day after the as-of date; 36.1's dates are all before it and within its due date.
    expect(findings.filter((f) => f.code === 'DATE_IN_FUTURE').map((f) => f.task)).toEqual(['30.1']);
    expect(findings.filter((f) => f.task === '36.1' && f.code !== 'REQUIRED_EMPTY' && f.code !== 'PROGRESS_EMPTY')).toEqual([]);
  });

  it('summary reads the typed 统计日期 and lists real due dates', async () => {
    const r = await cli(['summary', updated, '--json']);
    const doc = JSON.parse(r.out) as { asOf: string; overdue: Array<{ due: string; task: string }> };
    expect(doc.asOf).toBe(AS_OF);
    expect(doc.overdue.length).toBeGreaterThan(0);
    for (const o of doc.overdue) expect(o.due).toBe(dueById.get(o.task));
  });

  // LibreOffice writes the flag as date1904="true", which exceljs 4.4 reads as false.
  it('a 1904 workbook saved by LibreOffice stays 1904 with the same dates through another update', async () => {
    const [saved] = recalculate([updated]) as [string];
    expect(await part(saved, 'xl/workbook.xml')).toMatch(/<workbookPr[^>]*date1904="true"/);
    expect(declaredDateSystem(readFileSync(saved))).toBe(1904);
    const again = join(dir, 'again.xlsx');
    expect((await cli(['build', SEED, '-o', again, '--update', saved])).code).toBe(0);
    expect(await part(again, 'xl/workbook.xml')).toMatch(/<workbookPr[^>]*date1904="1"/);
    const wb = await open(again);
    for (const t of TYPED) {
      const ws = wb.getWorksheet(t.sheet) as ExcelJS.Worksheet;
      expect({ ...t, got: isoOf(ws.getCell(rowOf(ws, t.task), headerIndex(ws, t.header)).value as Date) }).toEqual({ ...t, got: t.iso });
    }
    const tasks = wb.getWorksheet('任务清单') as ExcelJS.Worksheet;
    const id = tasks.getCell('A2').value as string;
    expect(isoOf(tasks.getCell(2, headerIndex(tasks, '截止日期')).value as Date)).toBe(dueById.get(id));
    expect(isoOf((wb.getWorksheet('汇总') as ExcelJS.Worksheet).getCell('B1').value as Date)).toBe(AS_OF);
  });

  it('a new workbook is in the 1900 system', async () => {
    expect(await part(first, 'xl/workbook.xml')).not.toMatch(/date1904/);
    const ws = (await open(first)).getWorksheet('汇总') as ExcelJS.Worksheet;
    expect(Number(rawValue(await sheetXml(first, '汇总'), 'B1'))).toBe(serial1900(AS_OF));
    expect(isoOf(ws.getCell('B1').value as Date)).toBe(AS_OF);
  });
});

describe('zipEntryText', () => {
  it('reads a stored or deflated entry, and gives null for what is not there or not a zip', async () => {
    const zip = new JSZip();
    zip.file('a.txt', '督办 stored', { compression: 'STORE' });
    zip.file('xl/workbook.xml', '<workbook><workbookPr date1904="true"/></workbook>'.repeat(20), { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    expect(zipEntryText(bytes, 'a.txt')).toBe('督办 stored');
    expect(zipEntryText(bytes, 'xl/workbook.xml')).toContain('date1904="true"');
    expect(declaredDateSystem(bytes)).toBe(1904);
    expect(zipEntryText(bytes, 'missing.xml')).toBeNull();
    expect(zipEntryText(Buffer.from('not a zip at all, just text'), 'a.txt')).toBeNull();
    const path = join(mkdtempSync(join(tmpdir(), 'duban-zip-')), 'x.zip');
    writeFileSync(path, bytes);
    expect(declaredDateSystem(readFileSync(path))).toBe(1904);
  });
});
