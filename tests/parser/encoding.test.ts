import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeNotice } from '../../src/domain/text/decode';
import { parseNotice } from '../../src/domain/notice/parseNotice';
import { readNoticeFile } from '../../src/cli/readNotice';

const fixture = (name: string) => join(__dirname, 'fixtures', name);
const UTF8 = readFileSync(fixture('labelled-forms.txt'), 'utf8');
const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', 'tianjin-2020-task-division.txt'), 'utf8');
const tasksOf = (text: string) => parseNotice(text).tasks.map(({ line: _l, ...t }) => t);

/** Real bytes in a real file, read the way `duban` reads a notice. */
async function readBytes(bytes: Buffer): Promise<Awaited<ReturnType<typeof readNoticeFile>>> {
  const path = join(mkdtempSync(join(tmpdir(), 'duban-enc-')), 'notice.txt');
  writeFileSync(path, bytes);
  return readNoticeFile(path);
}

const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

describe('UTF-16 without a BOM', () => {
  it.each([
    ['little-endian', utf16le, 'utf-16le'],
    ['big-endian', utf16be, 'utf-16be'],
  ] as const)('%s: the labelled-forms notice and the seed read as written', async (_label, encode, encoding) => {
    for (const text of [UTF8, SEED]) {
      const bytes = encode(text);
      expect([bytes[0], bytes[1]]).not.toEqual(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]);
      expect(decodeNotice(bytes).encoding).toBe(encoding);
      const read = await readBytes(bytes);
      expect(read.text).toBe(text);
      expect(read.issues).toEqual([]);
    }
    expect(tasksOf((await readBytes(encode(UTF8))).text)).toEqual(tasksOf(UTF8));
  });

  it('Chinese with hardly any ASCII, and characters whose low byte is zero (一 U+4E00, 退 U+9000), still reads', () => {
    for (const [encode, encoding] of [[utf16le, 'utf-16le'], [utf16be, 'utf-16be']] as const) {
      const decoded = decodeNotice(encode('一律退回\n'));
      expect([decoded.encoding, decoded.text]).toEqual([encoding, '一律退回\n']);
    }
  });

  it('binary data with zero bytes is still not text', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i % 3 === 0 ? 0 : (i * 7919) % 256));
    expect(decodeNotice(bytes).encoding).toBe('binary');
  });
});

describe('UTF-8 with a bad byte', () => {
  const line = UTF8.split('\n').findIndex((l) => l.includes('新建改扩建幼儿园')) + 1;
  /** Byte offset of 改 in 新建改扩建幼儿园. */
  const at = Buffer.from(UTF8, 'utf8').indexOf(Buffer.from('新建改扩建幼儿园', 'utf8')) + Buffer.byteLength('新建', 'utf8');

  it('reads as UTF-8 with one replacement character and a warning naming the line, not as GB18030 mojibake', async () => {
    const good = Buffer.from(UTF8, 'utf8');
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    expect(line).toBeGreaterThan(1);
    const decoded = decodeNotice(bad);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(UTF8.replace('新建改扩建幼儿园', '新建\ufffd改扩建幼儿园'));
    expect(decoded.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'ENCODING_DAMAGED', line })]);
    expect(decoded.issues[0]?.message).toContain(`第 ${line} 行`);
    const read = await readBytes(bad);
    expect(read.issues.map((i) => i.code)).toEqual(['ENCODING_DAMAGED']);
    expect(parseNotice(read.text).tasks.map((t) => t.units)).toEqual(parseNotice(UTF8).tasks.map((t) => t.units));
  });

  it('a character cut short and a stray continuation byte are counted, the first one located', () => {
    const good = Buffer.from(UTF8, 'utf8');
    const bad = Buffer.from(good);
    bad[at + 1] = 0x41; // the second byte of 改 (E6 94 B9) becomes "A": E6 is cut short, B9 stands alone
    const decoded = decodeNotice(bad);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.issues[0]?.line).toBe(line);
    expect(decoded.issues[0]?.message).toContain('2 处');
  });

  it('GB18030 files are still read as GB18030', () => {
    const decoded = decodeNotice(readFileSync(fixture('labelled-forms.gb18030.txt')));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(UTF8);
    expect(decoded.issues.map((i) => i.code)).toEqual(['ENCODING_GB18030']);
  });
});

describe('a file whose lines are in two encodings', () => {
  /** GB18030 bytes of a text, from the GB18030 fixture's own characters (Node has no GB18030 encoder). */
  function gb(s: string): Buffer {
    const out: number[] = [];
    const table = gbTable();
    for (const ch of s) {
      const code = table.get(ch);
      if (code === undefined) throw new Error(`no GB18030 bytes for ${ch} in the fixture`);
      out.push(...code);
    }
    return Buffer.from(out);
  }
  let cached: Map<string, number[]> | null = null;
  /** Each character of the GB18030 fixture with its bytes, found by decoding it character by character. */
  function gbTable(): Map<string, number[]> {
    if (cached) return cached;
    const bytes = readFileSync(fixture('labelled-forms.gb18030.txt'));
    const dec = new TextDecoder('gb18030');
    cached = new Map();
    for (let i = 0; i < bytes.length; ) {
      const len = (bytes[i] as number) < 0x80 ? 1 : (bytes[i + 1] as number) >= 0x30 && (bytes[i + 1] as number) <= 0x39 ? 4 : 2;
      const part = bytes.subarray(i, i + len);
      cached.set(dec.decode(part), [...part]);
      i += len;
    }
    return cached;
  }

  it('a UTF-8 header above GB18030 rows: each line read in its own encoding, and the warning names the GB18030 lines', () => {
    const rows = UTF8.split('\n').filter((l) => /[\u4e00-\u9fff]/.test(l)).slice(0, 3);
    const header = '序号,重点任务,牵头单位\n';
    const bytes = Buffer.concat([Buffer.from(header, 'utf8'), ...rows.map((r) => Buffer.concat([gb(r), Buffer.from('\n')]))]);
    const decoded = decodeNotice(bytes);
    expect(decoded.text).toBe(header + rows.map((r) => `${r}\n`).join(''));
    expect(decoded.issues).toEqual([expect.objectContaining({ code: 'ENCODING_MIXED', line: 2 })]);
    expect(decoded.issues[0]?.message).toContain('第 2、3、4 行按 GB18030');
  });

  it('a whole GB18030 file is not taken as mixed, even where a short line would pass as UTF-8', () => {
    const decoded = decodeNotice(readFileSync(fixture('labelled-forms.gb18030.txt')));
    expect(decoded.issues.map((i) => i.code)).toEqual(['ENCODING_GB18030']);
  });
});
