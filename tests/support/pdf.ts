import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader to check what LibreOffice printed: the pages in order, each page's
 * size and its text. It reads the uncompressed object table LibreOffice writes (no object
 * streams), inflates content streams, and decodes shown strings through each font's ToUnicode
 * CMap. Text comes out in drawing order, strings concatenated without spaces.
 */
export type PdfPage = { width: number; height: number; text: string };

type PdfObject = { dict: string; stream: Buffer | null };

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    const body = s.slice(start, end);
    const at = body.indexOf('stream');
    if (at < 0 || !body.startsWith('<<')) {
      objects.set(Number(m[1]), { dict: body, stream: null });
    } else {
      const dict = body.slice(0, at);
      const dataStart = start + at + 'stream'.length + (s[start + at + 6] === '\r' ? 2 : 1);
      const dataEnd = s.lastIndexOf('endstream', end);
      objects.set(Number(m[1]), { dict, stream: pdf.subarray(dataStart, dataEnd) });
    }
    header.lastIndex = end;
  }
  return objects;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

function streamText(o: PdfObject | undefined): string {
  if (!o?.stream) return '';
  return (/\/FlateDecode/.test(o.dict) ? inflateSync(o.stream) : o.stream).toString('latin1');
}

/** A ToUnicode CMap: code (hex, as written) → text. */
function readCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string): string => {
    let out = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set((code as string).toUpperCase(), utf16(uni as string));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, uni] of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const width = (lo as string).length;
      const base = parseInt(uni as string, 16);
      for (let c = parseInt(lo as string, 16); c <= parseInt(hi as string, 16); c++) {
        map.set(c.toString(16).toUpperCase().padStart(width, '0'), String.fromCharCode(base + c - parseInt(lo as string, 16)));
      }
    }
  }
  return map;
}

function decode(hex: string, cmap: Map<string, string> | undefined): string {
  const width = cmap && [...cmap.keys()][0] ? ([...cmap.keys()][0] as string).length : 2;
  let out = '';
  for (let i = 0; i + width <= hex.length; i += width) out += cmap?.get(hex.slice(i, i + width).toUpperCase()) ?? '';
  return out;
}

/** The pages of a PDF in order, with their text. */
export function readPdf(pdf: Buffer): PdfPage[] {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, Map<string, string>>();
  const fontsOf = (resources: string): Map<string, Map<string, string>> => {
    const fonts = new Map<string, Map<string, string>>();
    const fontRef = ref(resources, 'Font');
    const fontDict = fontRef !== null ? (objects.get(fontRef)?.dict ?? '') : (/\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? '');
    for (const [, name, id] of fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const fontObj = objects.get(Number(id));
      const toUnicode = fontObj ? ref(fontObj.dict, 'ToUnicode') : null;
      if (toUnicode === null) continue;
      if (!cmaps.has(toUnicode)) cmaps.set(toUnicode, readCMap(streamText(objects.get(toUnicode))));
      fonts.set(name as string, cmaps.get(toUnicode) as Map<string, string>);
    }
    return fonts;
  };
  // Pages in document order: walk the page tree from the catalog.
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const order: number[] = [];
  const walk = (id: number): void => {
    const o = objects.get(id);
    if (!o) return;
    if (/\/Type\s*\/Pages/.test(o.dict)) {
      for (const [, kid] of (/\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)) walk(Number(kid));
    } else order.push(id);
  };
  const root = catalog ? ref(catalog.dict, 'Pages') : null;
  if (root !== null) walk(root);
  return order.map((id) => {
    const page = objects.get(id) as PdfObject;
    const box = (/\/MediaBox\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? '0 0 0 0').trim().split(/\s+/).map(Number);
    const resRef = ref(page.dict, 'Resources');
    const fonts = fontsOf(resRef !== null ? (objects.get(resRef)?.dict ?? '') : page.dict);
    const contents = ref(page.dict, 'Contents');
    const content = contents !== null ? streamText(objects.get(contents)) : '';
    let font: Map<string, string> | undefined;
    let text = '';
    for (const [, name, tj, tjArray] of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
      if (name !== undefined) font = fonts.get(name);
      else if (tj !== undefined) text += decode(tj, font);
      else for (const [, hex] of (tjArray as string).matchAll(/<([0-9A-Fa-f]*)>/g)) text += decode(hex as string, font);
    }
    return { width: (box[2] ?? 0) - (box[0] ?? 0), height: (box[3] ?? 0) - (box[1] ?? 0), text };
  });
}
