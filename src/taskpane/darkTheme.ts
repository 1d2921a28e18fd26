// Loaded on its own by theme.ts, only where Office is dark.
export { webDarkTheme } from '@fluentui/react-components';
