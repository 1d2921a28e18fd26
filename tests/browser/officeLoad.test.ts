import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { DEPLOYED_BASE_URL, OFFICE_CDN_PREFIX, launchChromium, paneContext, serveDist, sharedBundle } from '../support/browser';

/**
 * The production builds as Excel would open them. office.js reads the host from `_host_Info` and
 * then loads a host script and its strings: every one of those must be found, in both builds
 * (office.js from Microsoft's CDN, answered here from node_modules, and the self-hosted intranet
 * build). Outside a real Office client office.js never answers, so the page must still show text
 * and, after 10 s, say what to check.
 */
const HOSTS = ['Excel$Win32$16.01$zh-CN$$$$0', 'Excel$Web$16.00$zh-CN$$$$0', 'Excel$Mac$16.00$zh-CN$$$$0'];
const MODES = ['cdn', 'self'] as const;

type Served = { url: string; server: Server; dir: string };
const served = new Map<(typeof MODES)[number], Served>();
let browser: Browser;

beforeAll(async () => {
  for (const mode of MODES) {
    // The CDN build is the one deploy.test.ts checks (a base URL changes only dist/manifest.xml).
    const dir = await sharedBundle({ mode: 'production', officeJs: mode, ...(mode === 'cdn' ? { baseUrl: DEPLOYED_BASE_URL } : {}) });
    const { url, server } = await serveDist({}, dir);
    served.set(mode, { url, server, dir });
  }
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const s of served.values()) s.server.close();
});

/** Open the pane of one build and record every failed response and every request outside it. */
async function open(mode: (typeof MODES)[number], query: string, before?: (page: Page) => Promise<unknown>): Promise<{ page: Page; failed: string[]; loaded: string[]; outside: string[] }> {
  const { url } = served.get(mode) as Served;
  const { context, outside } = await paneContext(browser, url);
  const page = await context.newPage();
  const failed: string[] = [];
  const loaded: string[] = [];
  page.on('response', (r) => (r.status() >= 400 ? failed.push(`${r.status()} ${r.url()}`) : loaded.push(r.url().replace(url, ''))));
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  if (before) await before(page);
  await page.goto(`${url}/taskpane.html${query}`);
  return { page, failed, loaded, outside };
}

describe.each(MODES)('the %s build inside Excel', (mode) => {
  it.each(HOSTS)('loads every file office.js asks for under %s and shows text', async (hostInfo) => {
    const { page, failed, loaded, outside } = await open(mode, `?_host_Info=${hostInfo}`);
    const platform = (hostInfo.split('$')[1] as string).toLowerCase();
    // office.js has loaded its host script for this platform and its Chinese strings.
    const prefix = mode === 'cdn' ? OFFICE_CDN_PREFIX : '/office/';
    await page.waitForFunction((p) => performance.getEntriesByType('resource').some((e) => new RegExp(`excel-${p}-16\\.0\\d\\.js$`).test(e.name)), platform);
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    expect(outside).toEqual([]);
    expect(loaded).toEqual(expect.arrayContaining([`${prefix}office.js`, `${prefix}zh-cn/office_strings.js`, expect.stringMatching(new RegExp(`excel-${platform}-16\\.0\\d\\.js$`))]));
    expect(await page.locator('#root').innerText()).toContain('督办');
    await page.context().close();
  });

  it('says what to check when Office has not answered after 10 s', async () => {
    const { page, failed } = await open(mode, `?_host_Info=${HOSTS[0]}`, (p) => p.clock.install());
    await page.getByText('正在加载，请稍候').waitFor();
    await page.clock.runFor(10_500);
    await page.getByText('Office 在 10 秒内没有响应。').waitFor();
    const advice = await page.getByRole('alert').innerText();
    expect(advice).toContain('Excel 2016');
    expect(advice).toContain(mode === 'cdn' ? 'appsforoffice.microsoft.com' : 'office/ 文件夹');
    expect(failed).toEqual([]);
    await page.context().close();
  });
});

it('shows its text before any script runs', async () => {
  const { url } = served.get('cdn') as Served;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${url}/taskpane.html?_host_Info=${HOSTS[0]}`);
  expect(await page.locator('#root').innerText()).toContain('正在加载');
  await context.close();
});

it('says office.js did not load when the CDN cannot be reached, instead of staying blank', async () => {
  const { page } = await open('cdn', `?_host_Info=${HOSTS[0]}`, (p) => p.route(`${OFFICE_CDN_PREFIX}**`, (r) => r.abort('internetdisconnected')));
  await page.getByText('未能加载 Office 的脚本库 office.js。').waitFor();
  expect(await page.getByRole('alert').innerText()).toContain('请联系部署本加载项的管理员');
  await page.context().close();
});

it('outside Office the pane itself appears (office.js answers with no host)', async () => {
  const { page, failed } = await open('self', '');
  await page.getByRole('heading', { name: '督办 · 任务分工台账' }).waitFor();
  await page.getByRole('textbox').waitFor();
  expect(failed).toEqual([]);
  await page.context().close();
});
