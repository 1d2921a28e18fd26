import JSZip from 'jszip';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, openXlsx } from '../support/captureIo';
import { recalculate } from '../support/libreoffice';
import { normaliseProtectionXml } from '../../src/adapters/xlsx/ooxmlBooleans';

const SEED = join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt');

/** Sheets of a file whose XML says they are protected, in any spelling. */
async function protectedSheets(file: string): Promise<{ all: number; protectedCount: number; wordy: boolean }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  let protectedCount = 0;
  let wordy = false;
  for (const n of sheets) {
    const xml = await zip.file(n)!.async('string');
    if (/<sheetProtection[^>]*\ssheet="(1|true)"/.test(xml)) protectedCount++;
    if (/<sheetProtection[^>]*\ssheet="true"/.test(xml)) wordy = true;
  }
  return { all: sheets.length, protectedCount, wordy };
}

/** Whether 台账-市财政局's 具体措施 cells of its first rows are unlocked, as exceljs reads them. */
async function fillCellsUnlocked(file: string): Promise<boolean[]> {
  const ws = (await openXlsx(file)).getWorksheet('台账-市财政局')!;
  const c = (ws.getRow(1).values as unknown[]).indexOf('具体措施');
  return [2, 3, 4].map((r) => ws.getCell(r, c).protection?.locked === false);
}

describe('protection survives a file saved by LibreOffice (sheet="true", locked="false")', () => {
  let saved = '';
  let ours = { all: 0, protectedCount: 0, wordy: false };
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-lo-protect-'));
    const book = join(dir, 'book.xlsx');
    expect((await cli(['build', SEED, '-o', book, '--as-of', '2020-12-01'])).code).toBe(0);
    ours = await protectedSheets(book);
    [saved] = recalculate([book]) as [string];
  }, 300_000);

  it('LibreOffice writes the wordy spelling, and exceljs alone would read it as unprotected', async () => {
    const lo = await protectedSheets(saved);
    expect(lo.wordy).toBe(true);
    expect(lo.protectedCount).toBe(ours.protectedCount);
    const xml = await (await JSZip.loadAsync(readFileSync(saved))).file('xl/styles.xml')!.async('string');
    expect(xml).toMatch(/<protection[^>]*locked="false"/);
  });

  it.each([
    ['validate --fix', ['validate', '--fix']],
    ['validate --write', ['validate', '--write']],
    ['summary --write', ['summary', '--write']],
  ])('%s keeps every protected sheet protected and the fill cells unlocked', async (_name, command) => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-lo-protect-'));
    const file = join(dir, 'book.xlsx');
    const { copyFileSync } = await import('node:fs');
    copyFileSync(saved, file);
    const r = await cli([...command, file, '--as-of', '2020-12-01']);
    expect(r.code === 0 || r.code === 1).toBe(true);
    const after = await protectedSheets(file);
    // validate --write adds 校验结果, which is protected too.
    expect(after.protectedCount).toBeGreaterThanOrEqual(ours.protectedCount);
    expect(after.protectedCount).toBeGreaterThan(50);
    expect(await fillCellsUnlocked(file)).toEqual([true, true, true]);
  }, 300_000);
});

describe('normaliseProtectionXml', () => {
  it('spells true/false as 1/0 in protection elements only', () => {
    const xml = '<sheetPr filterMode="false"/><sheetProtection sheet="true" objects="TRUE" formatRows=\'false\'/><xf applyProtection="true"><protection locked="false" hidden="false"/></xf>';
    expect(normaliseProtectionXml(xml)).toBe('<sheetPr filterMode="false"/><sheetProtection sheet="1" objects="1" formatRows=\'0\'/><xf applyProtection="true"><protection locked="0" hidden="0"/></xf>');
  });

  it('leaves 1/0 and other elements as they are', () => {
    const xml = '<x:sheetProtection sheet="1" formatColumns="0"/><c r="A1" t="b"><v>true</v></c>';
    expect(normaliseProtectionXml(xml)).toBe(xml);
  });
});
