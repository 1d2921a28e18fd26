/**
 * How 下发 hands the clerk the unit files (DESIGN §10). In Excel on the web (and a plain browser) the
 * pane saves them as a download: one `.xlsx` for one unit, one `.zip` of them for several (a browser
 * asks before letting a page start 52 downloads). Desktop Excel's pane cannot save files: it opens
 * each as a new, unsaved workbook window (`Excel.createWorkbook`, ExcelApi 1.8).
 */
export type Delivery = 'download' | 'open';

/** Opens a new workbook window from an .xlsx as base64 (`Excel.createWorkbook`, ExcelApi 1.8). */
export type CreateWorkbook = (base64: string) => Promise<void>;

/** Saves bytes under a file name where the browser keeps downloads. */
export type SaveFile = (name: string, bytes: Uint8Array) => void;

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/** A download started from the pane's own document (an `<a download>` click). */
export const downloadFile: SaveFile = (name, bytes) => {
  const blob = new Blob([bytes as BlobPart], { type: MIME[name.split('.').pop() ?? ''] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser reads the blob after the click returns: let it go a minute later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** Which delivery this host allows: downloads outside desktop Excel; windows where ExcelApi 1.8 is there; else none. */
export function deliveryFor(platform: string | null, canCreateWorkbook: boolean): Delivery | null {
  if (platform === null || platform === 'OfficeOnline') return 'download';
  return canCreateWorkbook ? 'open' : null;
}
