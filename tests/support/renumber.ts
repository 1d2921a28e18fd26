/** The seed with item `n` removed and every later item numbered one less, as a revised notice would be. */
export function dropAndRenumber(text: string, n: number): string {
  const out: string[] = [];
  let dropping = false;
  for (const line of text.split('\n')) {
    const m = /^(\s*)(\d+)．/.exec(line);
    if (m) dropping = Number(m[2]) === n;
    else if (/^\s*（[一二三四五六七八九十]+）/.test(line) || /^\s*[一二三四五六七八九十]+、/.test(line)) dropping = false;
    if (dropping) continue;
    out.push(m && Number(m[2]) > n ? line.replace(/^(\s*)(\d+)．/, (_, sp: string, d: string) => `${sp}${Number(d) - 1}．`) : line);
  }
  return out.join('\n');
}
