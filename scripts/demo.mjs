// `npm run demo`: builds the extension, opens Chromium with it, places demo orders on two
// shops' bundled checkout pages (served at their real addresses, no network) and ends on the popup.
// With a display the browser stays open for you; without one it writes screenshots and
// prints the account summary.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { browserPath } from '../tests/browsers.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION = resolve(ROOT, '.output/e2e/chrome-mv3');
const OUT = resolve(ROOT, 'demo-output');
const PAGES = resolve(ROOT, 'tests/fixtures/pages');
const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');

/** The demo shop pages, at the addresses they live at. */
const SITES = [
  [/^https:\/\/www\.ubereats\.com\/checkout/, 'ubereats/checkout.html'],
  [/^https:\/\/www\.ubereats\.com\/orders\//, 'ubereats/confirmation.html'],
  [/^https:\/\/www\.amazon\.com\/gp\/buy\/spc\//, 'amazon/checkout-us.html'],
  [/^https:\/\/www\.amazon\.com\/gp\/buy\/thankyou\//, 'amazon/confirmation.html'],
];

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, CARBON_GRANT_HOSTS: '1' } });
if (build.status !== 0) process.exit(build.status ?? 1);

mkdirSync(OUT, { recursive: true });
const context = await chromium.launchPersistentContext('', {
  executablePath: browserPath('chromium'),
  headless,
  args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
});
await context.route(/^https?:\/\//, (route) => {
  const site = SITES.find(([pattern]) => pattern.test(route.request().url()));
  if (!site) return route.fulfill({ status: 404, body: 'The demo serves only its bundled pages.' });
  return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(resolve(PAGES, site[1])) });
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
for (let i = 0; i < 50; i++) {
  const ids = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
  if (ids.includes('checkout-ubereats') && ids.includes('checkout-amazon')) break;
  await new Promise((r) => setTimeout(r, 100));
}

const shop = await context.newPage();
await shop.goto('https://www.ubereats.com/checkout');
console.log('Demo: Uber Eats checkout, "Request utensils" left off.');
await shop.waitForTimeout(400);
await shop.screenshot({ path: resolve(OUT, '1-checkout.png'), fullPage: true });
await shop.getByRole('button', { name: 'Place order' }).click();
await shop.waitForURL(/\/orders\//);
await shop.screenshot({ path: resolve(OUT, '2-confirmation.png'), fullPage: true });
console.log('Demo: order placed, confirmation reached.');

await shop.goto('https://www.amazon.com/gp/buy/spc/handlers/display.html');
console.log('Demo: Amazon checkout, No-Rush shipping and an Amazon Day delivery.');
await shop.getByRole('button', { name: 'Place your order' }).click();
await shop.waitForURL(/\/thankyou\//);
await shop.screenshot({ path: resolve(OUT, '3-amazon-confirmation.png'), fullPage: true });
console.log('Demo: second order placed.');
const badge = await worker.evaluate(() => chrome.action.getBadgeText({}));
console.log(`Demo: the toolbar badge reads "${badge}".`);

const popup = await context.newPage();
await popup.setViewportSize({ width: 420, height: 640 });
await popup.goto(`chrome-extension://${extensionId}/popup.html`);
await popup.getByTestId('actions').getByRole('listitem').nth(2).waitFor();
await popup.getByTestId('chart').locator('rect').first().waitFor();
await popup.screenshot({ path: resolve(OUT, '4-popup.png'), fullPage: true });

const summary = await popup.evaluate(() => {
  const text = (el) => el?.textContent ?? '';
  const all = (selector) => Array.from(document.querySelectorAll(selector));
  return {
    total: text(document.querySelector('[data-testid="total-grams"]')),
    range: text(document.querySelector('[data-testid="total-range"]')),
    points: text(document.querySelector('[data-testid="points"]')),
    equivalents: all('[data-testid="equivalents"] li > span').map(text),
    subAccounts: all('[data-testid="sub-accounts"] li')
      .filter((li) => text(li.querySelector('.figures span')) !== '0 g')
      .map((li) => `${text(li.querySelector('.name'))}: ${text(li.querySelector('.figures span'))}, ${text(li.querySelector('.figures small'))}`),
    chart: text(document.querySelector('#chart-summary')),
    actions: all('[data-testid="actions"] li .what').map(text),
    rewards: all('[data-testid="rewards-ready"] li .reward-name > span').map(text),
  };
});
console.log('\nCarbon account');
console.log(`  ${summary.total} (${summary.range})`);
console.log(`  ${summary.points}`);
for (const e of summary.equivalents) console.log(`  ≈ ${e}`);
console.log('Sub-accounts with actions');
for (const row of summary.subAccounts) console.log(`  • ${row}`);
console.log(summary.chart);
console.log('Recent actions');
for (const action of summary.actions) console.log(`  • ${action}`);
console.log('Rewards you can redeem now');
for (const reward of summary.rewards) console.log(`  • ${reward}`);
console.log(`\nScreenshots: ${OUT}/{1-checkout,2-confirmation,3-amazon-confirmation,4-popup}.png`);

if (headless) {
  await context.close();
} else {
  console.log('The browser stays open; close it to end the demo.');
  await new Promise((resolve) => context.on('close', resolve));
}
