/**
 * Renders public/icon/beaker.svg to the PNG sizes the stores and browsers ask for
 * (public/icon/<size>.png, which WXT puts into the manifest's `icons`), in Debian's Chromium
 * through playwright-core (never a downloaded browser), on a transparent background.
 *
 *   npx tsx scripts/make-icons.ts        # after changing the SVG; commit the PNGs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './lib/chromium';
import { runCli } from './lib/cli';

const ICON_DIR = join(import.meta.dirname, '..', 'public', 'icon');
/** 16, 32: toolbar (1x, 2x); 48: extensions page; 96: Firefox add-ons manager (2x of 48); 128: Chrome Web Store and install dialog. */
const SIZES = [16, 32, 48, 96, 128] as const;

async function main(): Promise<number> {
  const svg = readFileSync(join(ICON_DIR, 'beaker.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      writeFileSync(join(ICON_DIR, `${size}.png`), png);
      console.log(`public/icon/${size}.png: ${png.length} bytes`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return 0;
}

runCli('make-icons', main);
