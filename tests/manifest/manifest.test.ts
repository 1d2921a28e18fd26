import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
// Comments may mention URLs; only what Office reads counts.
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
const schema = join(root, '..', 'shared', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');

describe('manifest.xml', () => {
  it('asks only for ReadWriteDocument', () => {
    expect(manifest.match(/<Permissions>([^<]*)<\/Permissions>/g)).toEqual(['<Permissions>ReadWriteDocument</Permissions>']);
  });

  it('is an Excel (Workbook) task pane with a ribbon button that shows the task pane', () => {
    expect(manifest).toContain('xsi:type="TaskPaneApp"');
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toMatch(/<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">/);
  });

  it('points only at its own origin (no CDN, no telemetry, no other server)', () => {
    const urls = [...manifest.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith('https://localhost:3000/'))).toEqual([]);
  });

  it('the pages load office.js from Microsoft\'s CDN, or from our origin in the intranet build, and nothing else from outside', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const office = require('../../scripts/officeJs.cjs') as { officeJsSource(m: string): string; cspFor(m: string): string; officeJsMode(v?: string): string };
    const html = readFileSync(join(root, 'src', 'taskpane', 'taskpane.html'), 'utf8');
    expect(html).toContain('<script src="<%= officeJs %>"></script>');
    expect(html).not.toMatch(/src="https?:/);
    expect(office.officeJsMode(undefined)).toBe('cdn');
    expect(() => office.officeJsMode('cnd')).toThrow('OFFICE_JS');
    expect(office.officeJsSource('cdn')).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(office.officeJsSource('self')).toBe('office/office.js');
    expect(office.cspFor('cdn')).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(office.cspFor('self')).toContain("script-src 'self';");
    for (const mode of ['cdn', 'self']) {
      expect(office.cspFor(mode)).toContain("connect-src 'self';");
      expect(office.cspFor(mode)).not.toContain('unsafe-eval');
    }
  });

  (existsSync(schema) ? it : it.skip)('passes `npm run validate:offline` (xmllint against the Office XSD)', () => {
    expect(spawnSync('xmllint', ['--version']).status).toBe(0);
    const out = execFileSync(process.execPath, [join(root, 'scripts', 'validate-offline.cjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });
});
