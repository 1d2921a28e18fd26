import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Segoe UI for Latin, then the CJK faces Windows, Mac and Linux ship. */
const FONT_FAMILY = '"Segoe UI", "Segoe UI Web (West European)", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

export type ThemeKind = 'light' | 'dark';

/** Office's look, light or dark as Office itself is, with a font stack that renders Chinese well. */
export function paneTheme(kind: ThemeKind): Theme {
  return { ...(kind === 'dark' ? webDarkTheme : webLightTheme), fontFamilyBase: FONT_FAMILY };
}
