import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { DEPLOYED_BASE_URL, sharedBundle } from '../support/browser';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A build for real use: ADDIN_BASE_URL=https://… moves every URL of dist/manifest.xml there.
const root = join(__dirname, '..', '..');
const source = readFileSync(join(root, 'manifest.xml'), 'utf8');
const schema = join(root, '..', 'shared', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addinBaseUrl, rewriteManifest } = require('../../scripts/addinBaseUrl.cjs') as {
  addinBaseUrl(value: string | undefined): string | null;
  rewriteManifest(xml: string, base: string | null): string;
};

const withoutComments = (xml: string) => xml.replace(/<!--[\s\S]*?-->/g, '');
/** The URLs Office reads (schema namespaces aside). */
const urlsOf = (xml: string) =>
  [...withoutComments(xml).matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));

function webpack(env: Record<string, string>, dist: string) {
  return spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, OFFICE_JS: 'cdn', DIST_DIR: dist, ...env },
  });
}

describe('ADDIN_BASE_URL', () => {
  it('must be https:// without query or fragment; a trailing slash is dropped; unset or empty means development', () => {
    expect(addinBaseUrl(undefined)).toBeNull();
    expect(addinBaseUrl('')).toBeNull();
    expect(addinBaseUrl('https://example.gov.cn/duban')).toBe('https://example.gov.cn/duban');
    expect(addinBaseUrl('https://example.gov.cn/duban/')).toBe('https://example.gov.cn/duban');
    expect(addinBaseUrl('https://Example.gov.cn:8443')).toBe('https://example.gov.cn:8443');
    expect(addinBaseUrl('https://example.gov.cn/')).toBe('https://example.gov.cn');
    for (const bad of ['http://example.gov.cn/duban', 'example.gov.cn/duban', 'https://example.gov.cn/duban?v=1', 'https://example.gov.cn/duban#x', 'https://example.gov.cn/du ban', 'https://user:pw@example.gov.cn', 'file:///srv/duban']) {
      expect(() => addinBaseUrl(bad)).toThrow('ADDIN_BASE_URL');
    }
  });

  it('moves every development URL, AppDomains to the origin, and leaves the manifest alone when unset', () => {
    expect(rewriteManifest(source, null)).toBe(source);
    const out = rewriteManifest(source, 'https://example.gov.cn/duban');
    expect(urlsOf(out).length).toBe(urlsOf(source).length);
    expect(urlsOf(out).filter((u) => !u.startsWith('https://example.gov.cn/duban/') || u.includes('duban//'))).toEqual([]);
    expect(rewriteManifest('<a><AppDomains><AppDomain>https://localhost:3000</AppDomain></AppDomains><b c="https://localhost:3000"/></a>', 'https://example.gov.cn/duban'))
      .toContain('<AppDomain>https://example.gov.cn</AppDomain></AppDomains><b c="https://example.gov.cn/duban"/>');
    // `$` and `&` are legal in a path: kept as text, and escaped for XML.
    expect(rewriteManifest('<a b="https://localhost:3000/x"/>', 'https://example.gov.cn/a$&b')).toContain('<a b="https://example.gov.cn/a$&amp;b/x"/>');
    expect(() => rewriteManifest('<a b="https://localhost:3000?x=1"/>', 'https://example.gov.cn')).toThrow('was not moved');
  });

  it('development builds keep https://localhost:3000 (no transform without ADDIN_BASE_URL)', async () => {
    type Pattern = { from: string; transform?: (content: Buffer, from: string) => string };
    const manifestPattern = async (value: string | undefined): Promise<Pattern | undefined> => {
      const saved = process.env.ADDIN_BASE_URL;
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        if (value === undefined) delete process.env.ADDIN_BASE_URL;
        else process.env.ADDIN_BASE_URL = value;
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const config = (await (require('../../webpack.config.js') as (env: unknown, argv: { mode: string }) => Promise<{ plugins: object[] }>)({}, { mode: 'development' }));
        const copy = config.plugins.find((p) => p.constructor.name === 'CopyPlugin') as { patterns: Pattern[] } | undefined;
        return copy?.patterns.find((p) => p.from === 'manifest.xml');
      } finally {
        log.mockRestore();
        if (saved === undefined) delete process.env.ADDIN_BASE_URL;
        else process.env.ADDIN_BASE_URL = saved;
      }
    };
    const dev = await manifestPattern(undefined);
    expect(dev).toBeDefined();
    expect(dev?.transform).toBeUndefined();
    const deployed = await manifestPattern('https://example.gov.cn/duban/');
    expect(deployed?.transform?.(Buffer.from(source), 'manifest.xml')).toBe(rewriteManifest(source, 'https://example.gov.cn/duban'));
  });

  describe('npm run build', () => {
    // The production CDN build the load test serves too (one webpack run for both files).
    let dist: string;
    let stderr: string;
    beforeAll(async () => {
      dist = await sharedBundle({ mode: 'production', officeJs: 'cdn', baseUrl: DEPLOYED_BASE_URL });
      stderr = readFileSync(join(dist, '.stderr'), 'utf8');
    }, 300_000);

    it('writes dist/manifest.xml naming only the base, with the icons beside it', () => {
      expect(stderr).toBe('');
      const built = readFileSync(join(dist, 'manifest.xml'), 'utf8');
      const urls = urlsOf(built);
      expect(urls.length).toBe(urlsOf(source).length);
      expect(urls.filter((u) => !u.startsWith('https://example.gov.cn/duban/') || u.slice('https://'.length).includes('//'))).toEqual([]);
      expect(withoutComments(built)).not.toContain('localhost');
      for (const u of urls.filter((x) => x.includes('/assets/'))) expect(existsSync(join(dist, new URL(u).pathname.slice('/duban/'.length)))).toBe(true);
      expect(readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.png')).length).toBe(8);
      // The checked-in manifest is untouched.
      expect(readFileSync(join(root, 'manifest.xml'), 'utf8')).toBe(source);
    });

    (existsSync(schema) ? it : it.skip)('the built manifest passes the offline XSD validation', () => {
      const check = spawnSync(process.execPath, [join(root, 'scripts', 'validate-offline.cjs'), join(dist, 'manifest.xml')], { encoding: 'utf8' });
      expect({ status: check.status, stderr: check.stderr.replace(/^.*validates\n?$/m, '') }).toEqual({ status: 0, stderr: '' });
    });
  });

  it('a build with an http:// base fails before compiling, saying why', () => {
    const dist = mkdtempSync(join(tmpdir(), 'duban-deploy-bad-'));
    try {
      const bad = webpack({ ADDIN_BASE_URL: 'http://example.gov.cn/duban' }, dist);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr + bad.stdout).toContain('ADDIN_BASE_URL must start with https://');
      expect(existsSync(join(dist, 'manifest.xml'))).toBe(false);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
