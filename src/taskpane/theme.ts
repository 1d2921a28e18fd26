import { webLightTheme, type Theme } from '@fluentui/react-components';

/** Segoe UI for Latin, then the CJK faces Windows, Mac and Linux ship. */
const FONT_FAMILY = '"Segoe UI", "Segoe UI Web (West European)", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

export type ThemeKind = 'light' | 'dark';

// The dark theme's tokens load only where Office is dark: most panes start light, and every
// token set is a few KB of the script the first screen waits for.
let dark: Theme | null = null;

/** Have `paneTheme(kind)` ready: the entry point awaits it before the first render. */
export async function loadPaneTheme(kind: ThemeKind): Promise<void> {
  if (kind === 'dark' && dark === null) dark = (await import(/* webpackChunkName: "dark" */ './darkTheme')).webDarkTheme;
}

/** Office's look, light or dark as Office itself is, with a font stack that renders Chinese well. */
export function paneTheme(kind: ThemeKind): Theme {
  return { ...(kind === 'dark' && dark !== null ? dark : webLightTheme), fontFamilyBase: FONT_FAMILY };
}
