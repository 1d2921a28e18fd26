import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Recalculate on load even when a file carries cached results (TOOLCHAIN: OOXMLRecalcMode 0 = always). */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Open workbooks in headless LibreOffice Calc, let it compute every formula, and save them as
 * .xlsx again: the returned paths hold LibreOffice's computed values. One process for all files.
 */
export function recalculate(files: string[], timeout = 300_000): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'duban-lo-profile-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const out = mkdtempSync(join(tmpdir(), 'duban-lo-out-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', out, ...files], {
    stdio: 'pipe',
    timeout,
  });
  return files.map((f) => join(out, basename(f)));
}

/**
 * Every sheet of a workbook as LibreOffice shows it: each cell's text as displayed (dates in their
 * number format, e.g. `2020-09-30`), read from LibreOffice's own CSV export of all sheets.
 */
export function sheetsAsShown(file: string): Map<string, string[][]> {
  const profile = mkdtempSync(join(tmpdir(), 'duban-lo-profile-'));
  const out = mkdtempSync(join(tmpdir(), 'duban-lo-csv-'));
  // Comma, double quote, UTF-8, from line 1, …, formatted text ("as shown"), every sheet (-1).
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', out, file], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  const base = basename(file).replace(/\.xlsx$/, '');
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(out)) {
    if (!name.startsWith(`${base}-`) || !name.endsWith('.csv')) continue;
    sheets.set(name.slice(base.length + 1, -4), parseCsv(readFileSync(join(out, name), 'utf8')));
  }
  return sheets;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
