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

/** Light or dark, as Office's own theme is (Office.context.officeTheme); light outside Office. */
export function officeThemeKind(): 'light' | 'dark' {
  const background = officeJsLoaded() ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? '');
  if (!m) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h as string, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}
