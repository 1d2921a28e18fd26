// Where the add-in is served, shared by webpack and the tests. manifest.xml names the development
// server, https://localhost:3000; a build for real use sets ADDIN_BASE_URL (e.g.
// https://oa.example.gov.cn/duban) and dist/manifest.xml then names that base instead.

/** The development origin written in manifest.xml. */
const DEV_BASE = 'https://localhost:3000';

/**
 * ADDIN_BASE_URL checked and without its trailing slash, or null when unset or empty. Office loads
 * add-ins only over https; a query or fragment would end up in the middle of every URL.
 */
function addinBaseUrl(value) {
  if (value === undefined || value === null || value.trim() === '') return null;
  const raw = value.trim();
  const say = (why) => new Error(`ADDIN_BASE_URL ${why}: "${value}" (expected like https://oa.example.gov.cn/duban)`);
  if (/\s/.test(raw)) throw say('must not contain spaces');
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw say('is not an absolute URL');
  }
  if (url.protocol !== 'https:') throw say('must start with https:// (Office loads add-ins only over https)');
  if (raw.includes('?') || raw.includes('#')) throw say('must have no query (?…) or fragment (#…)');
  if (url.username || url.password) throw say('must not contain a user name or password');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * manifest.xml with every URL under https://localhost:3000 moved under `base`; an <AppDomain>
 * naming the development origin gets the base's origin (AppDomains are origins, not paths).
 * Throws if the development origin is still named anywhere outside a comment afterwards.
 */
function rewriteManifest(xml, base) {
  if (!base) return xml;
  // Function replacers: a `$` in the base is text, not a replacement pattern. `&` is escaped for XML.
  const put = (url) => url.replace(/&/g, '&amp;');
  const out = xml
    .replace(/(<AppDomain>\s*)https:\/\/localhost:3000\/?(\s*<\/AppDomain>)/g, (_m, open, close) => `${open}${put(new URL(base).origin)}${close}`)
    .replace(/https:\/\/localhost:3000\//g, () => `${put(base)}/`)
    .replace(/https:\/\/localhost:3000(?=["<])/g, () => put(base))
    .replace(/^(<\?xml[^>]*\?>\r?\n)?/, (decl) => `${decl}<!-- Built with ADDIN_BASE_URL: the URLs below were ${DEV_BASE}/… in manifest.xml. -->\n`);
  const left = out.replace(/<!--[\s\S]*?-->/g, '').match(/[^"<>\s]*localhost:3000[^"<>\s]*/);
  if (left) throw new Error(`manifest.xml: ${left[0]} was not moved to ADDIN_BASE_URL ${base}; write it as ${DEV_BASE}/…`);
  return out;
}

module.exports = { DEV_BASE, addinBaseUrl, rewriteManifest };
