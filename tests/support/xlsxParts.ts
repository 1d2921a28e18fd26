import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { centralDirectory, entryData } from '../../src/adapters/xlsx/zip';

/** The parts of an .xlsx by name, as text: what Excel and LibreOffice read, not what exceljs makes of it. */
export function xlsxParts(file: string): Map<string, string> {
  const bytes = readFileSync(file);
  const out = new Map<string, string>();
  for (const e of centralDirectory(bytes) ?? []) {
    const data = entryData(bytes, e) ?? Buffer.alloc(0);
    out.set(e.name, (e.method === 8 ? inflateRawSync(data) : data).toString('utf8'));
  }
  return out;
}

/** The worksheet part of the sheet with this name. */
export function sheetPart(parts: Map<string, string>, name: string): string {
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(parts.get('xl/workbook.xml') ?? '')?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(parts.get('xl/_rels/workbook.xml.rels') ?? '')?.[1];
  return parts.get(`xl/${(target ?? '').replace(/^\/?xl\//, '')}`) ?? '';
}
