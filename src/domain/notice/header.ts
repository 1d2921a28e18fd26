import type { Issue, NoticeMeta } from './types';
import { ADDRESSEE, DATE_LINE, DATE_LINE_CN, DOC_NUMBER_LINE, ISSUER_LINE, chineseDigits, chineseNumber } from './patterns';
import { isoDate } from '../time/isoDate';

export type Line = { no: number; raw: string; text: string };

/**
 * Metadata from the lines before the body (title, 文号) and the signature block (issuer, date),
 * wherever it stands: a State Council 意见 puts it at the top, a city 通知 after the cover letter.
 */
export function readHeader(header: Line[], all: Line[], issues: Issue[]): NoticeMeta {
  const docNumber = header.map((l) => DOC_NUMBER_LINE.exec(l.text)?.[1]).find((d) => d !== undefined) ?? null;
  const title = readTitle(header);
  const signature = findSignature(all);
  let issuer = signature?.issuer ?? null;
  if (issuer === null) {
    const m = /^(.+?(?:人民政府|国务院|办公厅))(?:印发|关于)/.exec(title);
    issuer = m ? (m[1] as string) : null;
  }
  const date = signature?.date ?? null;
  let year = date ? Number(date.slice(0, 4)) : null;
  if (year === null && docNumber) year = Number(/〔(\d{4})〕/.exec(docNumber)?.[1] ?? NaN) || null;
  if (year === null) {
    const m = /(\d{4})年/.exec(title);
    year = m ? Number(m[1]) : null;
  }
  if (title.length === 0) issues.push({ severity: 'warning', code: 'NO_TITLE', message: '未找到通知标题', line: 0 });
  if (date === null) issues.push({ severity: 'warning', code: 'NO_DATE', message: '未找到成文日期（落款日期）', line: 0 });
  return { title, issuer, date, year, docNumber };
}

function readTitle(header: Line[]): string {
  const parts: string[] = [];
  let blankRun = 0;
  for (const line of header) {
    const t = line.text.trim();
    if (t.length === 0) {
      // A title may be split over lines with one blank between them; two blanks end it.
      if (parts.length > 0 && ++blankRun >= 2) break;
      continue;
    }
    blankRun = 0;
    if (ADDRESSEE.test(t)) break;
    if (DOC_NUMBER_LINE.test(t) || DATE_LINE.test(t) || /^（此件|^（此页/.test(t)) {
      if (parts.length > 0) break;
      continue;
    }
    if (t.length > 60 || /[。，]/.test(t)) break;
    parts.push(t.replace(/\s+/g, ''));
  }
  return parts.join('');
}

function findSignature(all: Line[]): { issuer: string | null; date: string } | null {
  for (let i = 0; i < all.length; i++) {
    const t = (all[i] as Line).text.trim();
    const date = dateOf(t);
    if (date === null) continue;
    let issuer: string | null = null;
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const prev = (all[j] as Line).text.trim().replace(/\s+/g, '');
      if (prev.length === 0) continue;
      if (ISSUER_LINE.test(prev)) issuer = prev;
      break;
    }
    return { issuer, date };
  }
  return null;
}

function dateOf(t: string): string | null {
  let m = DATE_LINE.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DATE_LINE_CN.exec(t);
  if (m) return validDate(chineseDigits(m[1] as string), chineseNumber(m[2] as string), chineseNumber(m[3] as string));
  return null;
}

function validDate(y: number, mo: number, d: number): string | null {
  if (!(y > 1900 && y < 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return null;
  return isoDate(y, mo, d);
}
