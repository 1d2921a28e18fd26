import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

const root = join(__dirname, '..', '..');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');

type Png = { width: number; height: number; rgba: Buffer };

/** PNG size from the IHDR chunk, and the pixels of an 8-bit RGBA, non-interlaced file (what Chromium writes). */
function readPng(file: string): Png {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect([bytes[24], bytes[25], bytes[28]]).toEqual([8, 6, 0]); // bit depth 8, RGBA, not interlaced
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= 4 ? (rgba[y * stride + x - 4] as number) : 0;
      const b = y > 0 ? (rgba[(y - 1) * stride + x] as number) : 0;
      const c = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] as number) : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`${file}: PNG filter ${filter}`);
      rgba[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  return { width, height, rgba };
}

const pixel = (png: Png, x: number, y: number) => [...png.rgba.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)] as [number, number, number, number];

/** The file in assets/ that a manifest URL names (dist/ serves assets/*.png as assets/). */
function assetFor(url: string): string {
  const path = new URL(url).pathname;
  expect(path).toMatch(/^\/assets\/[\w-]+\.png$/);
  return join(root, path);
}

describe('add-in icons', () => {
  const images = new Map([...manifest.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"\/>/g)].map((m) => [m[1] as string, m[2] as string]));
  const references = [...manifest.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)].map((m) => ({ size: Number(m[1]), resid: m[2] as string }));
  const iconUrl = manifest.match(/<IconUrl DefaultValue="([^"]+)"\/>/)?.[1];
  const highResolution = manifest.match(/<HighResolutionIconUrl DefaultValue="([^"]+)"\/>/)?.[1];

  it('IconUrl is 32 px and HighResolutionIconUrl 64 px, files in assets/', () => {
    for (const [url, size] of [[iconUrl, 32], [highResolution, 64]] as const) {
      expect(url).toBeDefined();
      const file = assetFor(url as string);
      expect(existsSync(file)).toBe(true);
      expect(readPng(file)).toMatchObject({ width: size, height: size });
    }
  });

  it('every ribbon icon list has 16, 32 and 80 px and only sizes Office knows, each pointing at a PNG of that size', () => {
    const lists = [...manifest.matchAll(/<Icon>([\s\S]*?)<\/Icon>/g)].map((m) => [...(m[1] as string).matchAll(/size="(\d+)"/g)].map((s) => Number(s[1])));
    expect(lists.length).toBe(2); // the group and the button
    for (const sizes of lists) {
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 80]));
      expect(sizes.filter((s) => ![16, 20, 24, 32, 40, 48, 64, 80].includes(s))).toEqual([]);
      expect(new Set(sizes).size).toBe(sizes.length);
    }
    expect(references.length).toBeGreaterThan(0);
    for (const { size, resid } of references) {
      const url = images.get(resid);
      expect({ resid, url: url !== undefined }).toEqual({ resid, url: true });
      const file = assetFor(url as string);
      expect({ file, exists: existsSync(file) }).toEqual({ file, exists: true });
      expect({ file, ...readPng(file), rgba: undefined }).toMatchObject({ file, width: size, height: size });
    }
    // No image resource is left unused.
    expect([...images.keys()].filter((id) => !references.some((r) => r.resid === id))).toEqual([]);
  });

  it('each icon in assets/ is used by the manifest, under 100 KB, and a tile with transparent corners', () => {
    const pngs = readdirSync(join(root, 'assets')).filter((f) => f.endsWith('.png'));
    expect(pngs.sort()).toEqual([16, 20, 24, 32, 40, 48, 64, 80].map((n) => `icon-${n}.png`).sort());
    for (const name of pngs) {
      expect(manifest).toContain(`/assets/${name}"`);
      const file = join(root, 'assets', name);
      expect(readFileSync(file).length).toBeLessThan(100 * 1024);
      const png = readPng(file);
      const last = png.width - 1;
      // Rounded corners: the outermost corner pixels are (nearly) transparent; the tile is opaque.
      for (const [x, y] of [[0, 0], [last, 0], [0, last], [last, last]] as const) expect({ name, x, y, alpha: pixel(png, x, y)[3] < 96 }).toEqual({ name, x, y, alpha: true });
      expect(pixel(png, 1, Math.floor(png.height / 2))[3]).toBe(255);
      // White strokes on the red tile: some pixels near white, most of the tile red.
      let white = 0;
      let red = 0;
      for (let i = 0; i < png.rgba.length; i += 4) {
        const [r, g, b, a] = [png.rgba[i], png.rgba[i + 1], png.rgba[i + 2], png.rgba[i + 3]] as number[];
        if (a === 255 && (r as number) > 230 && (g as number) > 230 && (b as number) > 230) white++;
        if (a === 255 && (r as number) > 150 && (g as number) < 80 && (b as number) < 80) red++;
      }
      const area = png.width * png.height;
      expect({ name, white: white / area > 0.12, red: red / area > 0.35 }).toEqual({ name, white: true, red: true });
    }
  });

  it('has its source and the script that draws it', () => {
    expect(readFileSync(join(root, 'assets', 'icon.svg'), 'utf8')).toContain('督');
    expect(existsSync(join(root, 'scripts', 'make-icons.cjs'))).toBe(true);
  });
});
