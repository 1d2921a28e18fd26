/** Host detection lives here, the only place that asks Office who is hosting us. */
export type HostInfo = { host: 'excel' | 'other' | 'none' };

/** False when office.js did not load (its script failed): nothing of Office can work then. */
export function officeJsLoaded(): boolean {
  return typeof Office !== 'undefined';
}

export async function whenOfficeReady(): Promise<HostInfo> {
  if (!officeJsLoaded()) return { host: 'none' };
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) return { host: 'excel' };
  return { host: info.host ? 'other' : 'none' };
}
