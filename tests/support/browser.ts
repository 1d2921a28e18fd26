import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { Server } from 'node:http';

const root = join(__dirname, '..', '..');
export const DIST = join(root, 'dist');

/** Build the add-in bundle once per test file (webpack, development mode for readable errors). */
export function buildBundle(): void {
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'development'], { cwd: root, stdio: 'pipe' });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };

/** Serve dist/ on 127.0.0.1 (a random port); `extra` adds test-only files. */
export async function serveDist(extra: Record<string, string> = {}): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] as string);
    if (extra[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/plain' });
      res.end(extra[path]);
      return;
    }
    const file = normalize(join(DIST, path));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
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

/**
 * Build the bundle, serve dist/ and start Chromium for one test file; closed after it.
 * The returned object's fields are filled in beforeAll.
 */
export function useTaskPaneBrowser(): { browser: Browser; url: string } {
  const env = {} as { browser: Browser; url: string; server: Server };
  beforeAll(async () => {
    buildBundle();
    const served = await serveDist();
    env.server = served.server;
    env.url = served.url;
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}
