// Renders assets/icon.svg to the PNG app icons in assets/icons/ with headless
// Chromium. Run after changing the SVG: node scripts/make-icons.mjs
// (the PNGs are committed; builds do not run this).
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/harness.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const svg = await readFile(join(ROOT, 'assets', 'icon.svg'), 'utf8');
const out = join(ROOT, 'assets', 'icons');
await mkdir(out, { recursive: true });
const browser = await launchBrowser();
const page = await browser.newPage();
for (const [size, maskable] of [[192, false], [512, false], [512, true]]) {
  // Maskable icons keep their content inside the central 80% safe zone.
  const inner = maskable ? Math.round(size * 0.7) : size;
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? '#0b57a4' : 'transparent'}">` +
      svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `) +
      '</body>',
  );
  const name = `icon-${size}${maskable ? '-maskable' : ''}.png`;
  await page.screenshot({ path: join(out, name), omitBackground: !maskable });
  console.log(join(out, name));
}
await browser.close();
