// Renders store/icon.svg to the PNG sizes the stores need (16, 32, 48, 128) with Chromium.
// Run after changing the SVG: `node scripts/icons.mjs`; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { browserPath } from '../tests/browsers.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(ROOT, 'store/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: browserPath('chromium') });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: resolve(ROOT, `public/icon/${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
