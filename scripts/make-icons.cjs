#!/usr/bin/env node
// Renders the add-in icons assets/icon-<size>.png (16 20 24 32 40 48 64 80 px) with Chromium.
//
//   node scripts/make-icons.cjs                      write assets/icon-*.png
//   node scripts/make-icons.cjs --out DIR            write them to DIR instead (to compare)
//   node scripts/make-icons.cjs --preview FILE.png   also write an enlarged contact sheet to look at
//
// 32 px and up are assets/icon.svg: 督 set in Noto Sans CJK SC (Debian: fonts-noto-cjk) on the red
// tile. The script stops if Chromium would draw the character in any other font, so the PNGs
// do not change with the machine. At 16, 20 and 24 px a font's 督 is a grey blur; those sizes use
// the pixel glyphs below instead (上/小 and 又 over 目 in one-pixel strokes, on the same tile).
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { chromium } = require('playwright-core');

const root = resolve(__dirname, '..');
const SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const FONT = 'Noto Sans CJK SC';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Hand-set 督 for the smallest sizes: '#' is a white pixel. Same tile and colour as icon.svg. */
const PIXEL_GLYPHS = {
  16: [
    '................',
    '...#....######..',
    '...###...#...#..',
    '.######...#.#...',
    '...#.......#....',
    '..##.#....#.#...',
    '.#.#..#.##...##.',
    '................',
    '....########....',
    '....#......#....',
    '....########....',
    '....#......#....',
    '....########....',
    '....#......#....',
    '....########....',
    '................',
  ],
  20: [
    '....................',
    '....................',
    '.....#....#######...',
    '.....###........#...',
    '.....#.....#...#....',
    '..#######...#.#.....',
    '.....#.......#......',
    '...#.#.#....#.#.....',
    '..#..#..#..#...#....',
    '....##....#.....##..',
    '....................',
    '......########......',
    '......#......#......',
    '......########......',
    '......#......#......',
    '......########......',
    '......#......#......',
    '......########......',
    '....................',
    '....................',
  ],
  24: [
    '........................',
    '........................',
    '......#.....#########...',
    '......#.............#...',
    '......####...#.....#....',
    '......#.......#...#.....',
    '..#########....#.#......',
    '......#.........#.......',
    '....#.#.#......#.#......',
    '...#..#..#....#...#.....',
    '.....##.....##.....###..',
    '........................',
    '.......##########.......',
    '.......#........#.......',
    '.......#........#.......',
    '.......##########.......',
    '.......#........#.......',
    '.......#........#.......',
    '.......##########.......',
    '.......#........#.......',
    '.......#........#.......',
    '.......##########.......',
    '........................',
    '........................',
  ],
};

function args(argv) {
  const out = { dir: join(root, 'assets'), preview: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out.dir = resolve(argv[++i]);
    else if (argv[i] === '--preview') out.preview = resolve(argv[++i]);
    else throw new Error(`make-icons: unknown argument ${argv[i]} (use --out DIR, --preview FILE.png)`);
  }
  return out;
}

/** icon.svg drawn at `size` px; for the pixel-glyph sizes, its tile with the glyph on top. */
function svgFor(size, master) {
  const glyph = PIXEL_GLYPHS[size];
  if (!glyph) return master.replace(/<svg([^>]*?)width="80" height="80"/, `<svg$1width="${size}" height="${size}"`);
  if (glyph.length !== size || glyph.some((row) => row.length !== size)) throw new Error(`make-icons: the ${size} px glyph is not ${size}×${size}`);
  const tile = master.match(/<rect [^>]*\/>/)[0];
  const scale = size / 80;
  const d = glyph.flatMap((row, y) => [...row].map((c, x) => (c === '#' ? `M${x} ${y}h1v1h-1z` : ''))).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    `<g transform="scale(${scale})">${tile}</g><path d="${d}" fill="#FFFFFF" shape-rendering="crispEdges"/></svg>`;
}

/** The font Chromium really drew `selector` with (DevTools protocol), to refuse a fallback font. */
async function fontsUsed(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root: doc } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: doc.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

async function main() {
  const opts = args(process.argv.slice(2));
  const master = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8');
  mkdirSync(opts.dir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const written = [];
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svgFor(size, master)}</body></html>`);
      await page.evaluate(() => document.fonts.ready);
      if (!PIXEL_GLYPHS[size]) {
        const fonts = await fontsUsed(page, 'text.mark');
        if (fonts.length === 0 || fonts.some((f) => f !== FONT)) {
          throw new Error(`make-icons: Chromium drew 督 with ${fonts.join(', ') || 'no font'}, not ${FONT}; install fonts-noto-cjk`);
        }
      }
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      const file = join(opts.dir, `icon-${size}.png`);
      writeFileSync(file, png);
      written.push({ size, png });
      console.log(`${file} (${png.length} bytes)`);
    }
    if (opts.preview) {
      // Each icon enlarged (to about 160 px) without smoothing over a checkerboard, and at its true size on white and dark.
      const cells = written.map(({ size, png }) => {
        const src = `data:image/png;base64,${png.toString('base64')}`;
        const zoom = Math.max(2, Math.floor(160 / size));
        return `<figure><img class="big" src="${src}" style="width:${size * zoom}px"><div><img src="${src}"><span class="dark"><img src="${src}"></span></div><figcaption>${size} px</figcaption></figure>`;
      });
      await page.setViewportSize({ width: 1400, height: 400 });
      await page.setContent(`<!doctype html><style>body{margin:8px;font:12px sans-serif;display:flex;flex-wrap:wrap;align-items:flex-end;gap:12px}
        figure{margin:0;text-align:center} .big{image-rendering:pixelated;background:repeating-conic-gradient(#ddd 0 25%,#fff 0 50%) 0 0/16px 16px}
        .dark{display:inline-block;background:#333;padding:2px;margin-left:6px}</style>${cells.join('')}`);
      await page.screenshot({ path: opts.preview, fullPage: true });
      console.log(opts.preview);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
