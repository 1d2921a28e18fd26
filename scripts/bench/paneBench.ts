import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildBundle, launchChromium, paneContext, serveDist } from '../../tests/support/browser';
import { round, type BenchRow } from './measure';

const RUNS = 5;

/**
 * The task pane's weight and first render, from the production build in Chromium (outside Office,
 * office.js answered from node_modules). The baseline is the first contentful paint of the same
 * page: the static loading text, shown before any script runs; the pane's time is when React has
 * rendered it (`duban-pane-rendered`). Bundle sizes are of the scripts the pane loads at start.
 */
export async function paneBenchmarks(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-pane-'));
  try {
    buildBundle({ mode: 'production', officeJs: 'cdn', dist: dir });
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'boot.js' && !f.startsWith('example'));
    const startup = ['taskpane.js', 'boot.js'].map((f) => readFileSync(join(dir, f)));
    const { url, server } = await serveDist({}, dir);
    const browser = await launchChromium();
    const rendered: number[] = [];
    const painted: number[] = [];
    try {
      for (let i = 0; i < RUNS + 1; i++) {
        const { context } = await paneContext(browser, url);
        const page = await context.newPage();
        await page.goto(`${url}/taskpane.html`);
        await page.getByRole('heading', { name: '督办 · 任务分工台账' }).waitFor();
        await page.getByRole('tab', { name: '分工' }).waitFor();
        const t = await page.evaluate(() => ({
          rendered: performance.getEntriesByName('duban-pane-rendered')[0]?.startTime ?? NaN,
          painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        }));
        await context.close();
        if (i === 0) continue; // warm-up: the first page pays for the browser's caches
        rendered.push(t.rendered);
        painted.push(t.painted);
      }
    } finally {
      await browser.close();
      server.close();
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const ms = median(rendered);
    const baselineMs = median(painted);
    return [
      {
        name: 'pane first render',
        ms: round(ms),
        baselineMs: round(baselineMs),
        ratio: round(ms / baselineMs),
        startupKB: Math.round(startup.reduce((n, b) => n + b.length, 0) / 1024),
        startupGzipKB: Math.round(startup.reduce((n, b) => n + gzipSync(b).length, 0) / 1024),
        allScriptsKB: Math.round(scripts.reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1024),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
