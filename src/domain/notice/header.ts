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

/** The red masthead of an official document: `某某区人民政府文件`, `国务院办公厅文件`. */
const MASTHEAD = /^[\u4e00-\u9fff（）]{2,30}文件$/;
/**
 * Web page furniture before a notice copied from a government site: breadcrumbs (`首页 > 政务公开`),
 * `当前位置：`, `设为首页`, `索引号`, `发布机构`, `发布日期`, `来源：`, `浏览次数`, `字体：大 中 小`, `打印`.
 */
const PAGE_FURNITURE =
  /当前位置|所在位置|您的位置|网站首页|设为首页|加入收藏|无障碍|长辈版|长者版|索引号|发布机构|发文机关|发文日期|发布日期|发布时间|成文日期|来源[：:]|浏览次数|访问量|字体[：:]|打印本页|关闭窗口|分享到|主题分类|组配分类|效力状态|有效性|发文字号|文号[：:]|名称[：:]|标题[：:]|[>＞»]|^[•·|]/;

function readTitle(header: Line[]): string {
  let parts: string[] = [];
  let blankRun = 0;
  for (const line of header) {
    const t = line.text.trim();
    if (t.length === 0) {
      // A title may be split over lines with one blank between them; two blanks end it.
      if (parts.length > 0 && ++blankRun >= 2) break;
      continue;
    }
    blankRun = 0;
    if (MASTHEAD.test(t.replace(/\s+/g, ''))) continue;
    if (PAGE_FURNITURE.test(t)) {
      // What came before the page's furniture was the site's name, not the title.
      parts = [];
      continue;
    }
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
