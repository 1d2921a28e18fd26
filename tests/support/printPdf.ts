import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readPdf, type PdfPage } from './pdf';

/** Print a workbook to PDF with headless LibreOffice (a private profile) and read its pages. */
export function printWithLibreOffice(file: string): PdfPage[] {
  const profile = mkdtempSync(join(tmpdir(), 'duban-lo-profile-'));
  const out = mkdtempSync(join(tmpdir(), 'duban-lo-pdf-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'pipe', timeout: 300_000 });
  return readPdf(readFileSync(join(out, basename(file).replace(/\.xlsx$/, '.pdf'))));
}

/** A4 in points, either way up (LibreOffice writes 595.3 × 841.9). */
export const isA4 = (p: PdfPage): boolean => {
  const [a, b] = [Math.min(p.width, p.height), Math.max(p.width, p.height)];
  return Math.abs(a - 595.3) < 1 && Math.abs(b - 841.9) < 1;
};
