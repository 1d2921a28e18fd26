import JSZip from 'jszip';

/**
 * Protection written with OOXML's other boolean spelling: LibreOffice and WPS save
 * `<sheetProtection sheet="true" …/>` and `<protection locked="false"/>`, which mean `1`/`0`
 * (xsd:boolean). exceljs 4.4 compares with `'1'`/`'0'` only, so such a sheet loads unprotected and
 * every unlocked fill cell loads locked — and the next write would save it so.
 */
const PROTECTION_ELEMENT = /<(?:[\w-]+:)?(?:sheetProtection|protection)\b[^>]*>/g;
const WORDY_BOOLEAN = /(\s[\w:]+\s*=\s*)(["'])\s*(true|false)\s*\2/gi;

/** The entries that may hold protection: every worksheet and the style sheet. */
const holdsProtection = (name: string): boolean => name === 'xl/styles.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(name);

/** An element's `true`/`false` attributes as `1`/`0`. */
export function normaliseProtectionXml(xml: string): string {
  return xml.replace(PROTECTION_ELEMENT, (element) => element.replace(WORDY_BOOLEAN, (_m, name: string, quote: string, value: string) => `${name}${quote}${value.toLowerCase() === 'true' ? '1' : '0'}${quote}`));
}

/**
 * The .xlsx bytes with protection booleans spelt `1`/`0`, for exceljs to read what the file says.
 * `wordy` names the entries that need it, as the limit check found them while inflating
 * (`measureXlsx`); null means unknown, and every entry that may hold protection is looked at.
 * A file that has none spelt otherwise (every file exceljs or Excel wrote) comes back as it was,
 * without being unzipped here.
 */
export async function normaliseProtectionBooleans(bytes: Buffer, wordy: readonly string[] | null = null): Promise<Buffer> {
  if (wordy !== null && wordy.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of wordy ?? Object.keys(zip.files).filter(holdsProtection)) {
    const entry = zip.file(name);
    if (!entry) continue;
    const xml = await entry.async('string');
    const fixed = normaliseProtectionXml(xml);
    if (fixed === xml) continue;
    zip.file(name, fixed);
    changed = true;
  }
  if (!changed) return bytes;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
