// Where the task pane's office.js comes from (DESIGN §8), shared by webpack and the tests.
const path = require('node:path');

/** Microsoft's documented location of office.js. */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * What office.js loads after itself inside Excel, found by opening the pane under each host info
 * (`?_host_Info=Excel$Win32$16.01$zh-CN$…`, `Web`, `Mac`) and listing its requests: the mapping
 * table, one host script per platform, and `<locale>/office_strings.js` for the UI language.
 * Excel 2016+ on Windows (16.00 and 16.01), the web, Mac and iPad are served; string folders for
 * Chinese (simplified and traditional) and English, the languages our users' Excel runs in.
 */
const SELF_HOSTED_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'excel-win32-16.00.js',
  'excel-win32-16.01.js',
  'excel-web-16.00.js',
  'excel-mac-16.00.js',
  'excel-ios-16.00.js',
];
const SELF_HOSTED_LOCALES = ['zh-cn', 'zh-tw', 'zh-hk', 'en-us'];

/** `cdn` (default) or `self`; anything else is a mistake worth stopping the build for. */
function officeJsMode(value) {
  const mode = (value || 'cdn').toLowerCase();
  if (mode !== 'cdn' && mode !== 'self') throw new Error(`OFFICE_JS must be "cdn" or "self", not "${value}"`);
  return mode;
}

function officeJsSource(mode) {
  return mode === 'self' ? 'office/office.js' : OFFICE_CDN;
}

/** Copy patterns for the self-hosted build. */
function officeJsFiles() {
  return [
    ...SELF_HOSTED_FILES.map((f) => ({ from: path.join(OFFICE_DIST, f), to: `office/${f}`, info: { minimized: true } })),
    ...SELF_HOSTED_LOCALES.map((l) => ({ from: path.join(OFFICE_DIST, l, 'office_strings.js'), to: `office/${l}/office_strings.js`, info: { minimized: true } })),
  ];
}

/**
 * The page's Content-Security-Policy: our origin only, plus Microsoft's CDN for office.js in the
 * default build. Nothing may connect anywhere else (no telemetry, no server).
 */
function cspFor(mode) {
  const cdn = mode === 'cdn' ? ` ${OFFICE_CDN_ORIGIN}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${cdn}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

module.exports = { OFFICE_CDN, OFFICE_CDN_ORIGIN, OFFICE_DIST, SELF_HOSTED_FILES, SELF_HOSTED_LOCALES, officeJsMode, officeJsSource, officeJsFiles, cspFor };
