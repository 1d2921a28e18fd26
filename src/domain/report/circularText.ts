import type { Circular } from './circular';

/**
 * The circular as plain text, paragraph by paragraph: what the pane offers to copy and what the
 * `通报` sheet lays out. Tables come out tab-separated, so they paste into Word or WPS as tables.
 */
export function circularText(c: Circular): string[] {
  const out = [c.title, '', c.addressees];
  for (const b of c.body) out.push(b.kind === 'heading' ? b.text : `${b.lead ?? ''}${b.text}`);
  out.push('', ...attachmentLines(c), '', c.signature.issuer, c.signature.date);
  c.attachments.forEach((t, i) => {
    out.push('', `附件${i + 1}`, t.title, t.header.join('\t'), ...t.rows.map((r) => r.join('\t')));
    if (t.note) out.push(t.note);
  });
  return out;
}

/** `附件：1. 逾期任务清单` and the following attachments aligned under the first. */
export function attachmentLines(c: Circular): string[] {
  return c.attachmentList.map((title, i) => `${i === 0 ? '附件：' : '　　　'}${i + 1}. ${title}`);
}
