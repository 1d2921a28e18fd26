import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Server } from 'node:http';

const root = join(__dirname, '..', '..');
export const DIST = join(root, 'dist');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OFFICE_DIST } = require('../../scripts/officeJs.cjs') as { OFFICE_DIST: string };
/** Where office.js lives on Microsoft's CDN; tests answer it from node_modules. */
export const OFFICE_CDN_PREFIX = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
/** The ADDIN_BASE_URL of the production build the deployment and load tests share. */
export const DEPLOYED_BASE_URL = 'https://example.gov.cn/duban/';

type BuildOptions = { mode?: 'development' | 'production'; officeJs?: 'cdn' | 'self'; baseUrl?: string };

/**
 * Build the add-in bundle (webpack; development mode for readable errors unless told otherwise).
 * `officeJs` picks where office.js comes from (DESIGN §8), `baseUrl` is ADDIN_BASE_URL (unset: the
 * development manifest), `dist` where the build goes. Returns what webpack wrote to stderr.
 */
export function buildBundle(options: BuildOptions & { dist?: string } = {}): string {
  const env: NodeJS.ProcessEnv = { ...process.env, OFFICE_JS: options.officeJs ?? 'cdn', DIST_DIR: options.dist ?? DIST };
  delete env.ADDIN_BASE_URL;
  if (options.baseUrl !== undefined) env.ADDIN_BASE_URL = options.baseUrl;
  const run = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', options.mode ?? 'development'], { cwd: root, encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`webpack failed (${run.status ?? run.signal}): ${run.stderr}${run.stdout}`);
  return run.stderr;
}

/**
 * A browser context in which Microsoft's CDN is answered from node_modules (nothing leaves the
 * machine) and every other request outside `origin` is refused and recorded in `outside`.
 */
export async function paneContext(browser: Browser, origin: string): Promise<{ context: BrowserContext; outside: string[] }> {
  const context = await browser.newContext();
  const outside: string[] = [];
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:',
    async (route) => {
      const url = route.request().url();
      if (url.startsWith(OFFICE_CDN_PREFIX)) {
        const file = normalize(join(OFFICE_DIST, decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_CDN_PREFIX).pathname.length))));
        if (file.startsWith(OFFICE_DIST) && existsSync(file)) return route.fulfill({ path: file, contentType: 'text/javascript; charset=utf-8' });
        return route.fulfill({ status: 404 });
      }
      outside.push(url);
      return route.abort();
    },
  );
  return { context, outside };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };

/** Serve dist/ on 127.0.0.1 (a random port); `extra` adds test-only files. */
export async function serveDist(extra: Record<string, string> = {}, dir = DIST): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] as string);
    if (extra[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/plain' });
      res.end(extra[path]);
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Debian's Chromium, headless, with nothing that phones home (playwright gives it a fresh profile). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The in-memory Excel fake as a browser script: it defines `window.Excel` and `window.__dubanFake`. */
export function fakeExcelScript(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const bundle = esbuild.buildSync({ entryPoints: [join(__dirname, 'fakeExcel.ts')], bundle: true, format: 'iife', globalName: 'DubanFakeExcel', write: false, target: 'es2020' });
  const code = bundle.outputFiles[0]?.text ?? '';
  return `${code}\nwindow.__dubanFake = DubanFakeExcel.createFakeExcel();\nwindow.Excel = window.__dubanFake.Excel;\n`;
}

/** What a development build is made of: its hash names the build, so a changed source is never served stale. */
function bundleKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(join(root, 'src'));
  walk(join(root, 'assets'));
  for (const f of ['webpack.config.js', 'scripts/officeJs.cjs', 'scripts/addinBaseUrl.cjs', 'scripts/processShim.cjs', 'manifest.xml', 'package-lock.json', 'tsconfig.json']) if (existsSync(join(root, f))) hash.update(f).update(readFileSync(join(root, f)));
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * One build of each kind for all the test files of a run (and later runs of the same sources): the
 * first file to need it builds under a lock, the others wait for it. A lock left by a killed run is
 * taken over after ten minutes. `.stderr` in the folder holds what webpack wrote there.
 */
export async function sharedBundle(options: BuildOptions = {}): Promise<string> {
  const kind = createHash('sha256').update(JSON.stringify([options.mode ?? 'development', options.officeJs ?? 'cdn', options.baseUrl ?? null])).digest('hex').slice(0, 8);
  const dir = join(tmpdir(), `duban-pane-${bundleKey()}-${kind}`);
  const done = join(dir, '.built');
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(done)) return dir;
    try {
      mkdirSync(lock);
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      const stderr = buildBundle({ ...options, dist: dir });
      writeFileSync(join(dir, '.stderr'), stderr);
      writeFileSync(done, '');
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** A page of the pane at `width` px with the in-memory Excel injected, opened; its page errors are collected in `errors`. */
export async function openPaneWithFakeExcel(env: PaneBrowser, width: number, height = 900): Promise<{ page: Page; errors: string[] }> {
  const page = await env.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width, height });
  await page.addInitScript({ content: fakeExcelScript() });
  await page.goto(`${env.url}/taskpane.html`);
  return { page, errors };
}

/**
 * Serve the shared build and start Chromium for one test file; closed after it.
 * The returned object's fields are filled in beforeAll.
 */
export type PaneBrowser = { browser: Browser; url: string; newPage(): Promise<Page> };

export function useTaskPaneBrowser(): PaneBrowser {
  const env = {} as PaneBrowser & { server: Server };
  env.newPage = async () => (await paneContext(env.browser, env.url)).context.newPage();
  beforeAll(async () => {
    const served = await serveDist({}, await sharedBundle());
    env.server = served.server;
    env.url = served.url;
    env.browser = await launchChromium();
    // A webpack build on two shared cores can take minutes when the machine is busy.
  }, 300_000);
  afterAll(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}
