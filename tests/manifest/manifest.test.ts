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

  it('the task pane page loads office.js from its own origin', () => {
    const html = readFileSync(join(root, 'src', 'taskpane', 'taskpane.html'), 'utf8');
    expect(html).toContain('<script src="office/office.js"></script>');
    expect(html).not.toMatch(/src="https?:/);
  });

  (existsSync(schema) ? it : it.skip)('passes `npm run validate:offline` (xmllint against the Office XSD)', () => {
    expect(spawnSync('xmllint', ['--version']).status).toBe(0);
    const out = execFileSync(process.execPath, [join(root, 'scripts', 'validate-offline.cjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });
});
