/** Host detection lives here, the only place that asks Office who is hosting us. */
export type HostInfo = { host: 'excel' | 'other' | 'none' };

export async function whenOfficeReady(): Promise<HostInfo> {
  if (typeof Office === 'undefined') return { host: 'none' };
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) return { host: 'excel' };
  return { host: info.host ? 'other' : 'none' };
}
