/**
 * Just enough of the zip format to look inside an .xlsx before exceljs loads it (its date system,
 * its size): the central directory and one entry's stored bytes. No zip64.
 */
export type ZipEntry = { name: string; method: number; compressedSize: number; localOffset: number };

/**
 * The zip's central directory entries, or null when there is none or it cannot be followed (not a
 * zip, cut short, zip64, bytes before the first entry). Entries are walked by their signatures as
 * JSZip (under exceljs) walks them, not counted from the end record, whose count may hide entries.
 */
export function centralDirectory(bytes: Buffer): ZipEntry[] | null {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let p = bytes.readUInt32LE(eocd + 16);
  if (p === 0xffffffff || bytes.readUInt16LE(eocd + 10) === 0xffff) return null; // zip64: never an .xlsx under the size limit
  if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) return null; // offsets shifted: JSZip would guess, we refuse
  const entries: ZipEntry[] = [];
  while (p + 46 <= bytes.length && bytes.readUInt32LE(p) === 0x02014b50) {
    const nameLength = bytes.readUInt16LE(p + 28);
    entries.push({
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

/** An entry's stored (possibly deflated) bytes, or null when its local header is not where it says. */
export function entryData(bytes: Buffer, e: ZipEntry): Buffer | null {
  if (e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff || e.localOffset + 30 > bytes.length || bytes.readUInt32LE(e.localOffset) !== 0x04034b50) return null;
  const start = e.localOffset + 30 + bytes.readUInt16LE(e.localOffset + 26) + bytes.readUInt16LE(e.localOffset + 28);
  return bytes.subarray(start, Math.min(bytes.length, start + e.compressedSize));
}
