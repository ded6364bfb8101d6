// Drives real Firefox ESR over WebDriver BiDi (puppeteer-core) with the built extension installed.
import { readFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { browserPath } from '../browsers.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION = resolve(ROOT, '.output/e2e/firefox-mv3');
export const FIXTURES = resolve(ROOT, 'tests/fixtures/pages');
export const SCREENSHOTS = resolve(ROOT, 'tests/screenshots');
const GECKO_ID = JSON.parse(readFileSync(resolve(EXTENSION, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
const UUID = '5d1c3a2b-8f7e-4c6d-9a0b-1e2f3a4b5c6d';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

/** Firefox with the extension installed as a temporary add-on; `prefs` adds profile preferences. */
export async function launchFirefox(prefs = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserPath('firefox'),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }), ...prefs },
  });
  const pagesBefore = (await browser.pages()).length;
  await browser.installExtension(EXTENSION);
  // The first install opens the welcome tab (BiDi shows it as about:blank); let it open before
  // a test opens pages of its own, so the two never race.
  await eventually(async () => (await browser.pages()).length > pagesBefore, 20_000);
  return browser;
}

/** Serves fixture files at real shop URLs on this page; every other request gets a 404. */
export async function serve(page, sites) {
  await page.setRequestInterception(true);
  // A request can vanish before it is answered (the page navigated on or closed); answering it
  // then rejects after the test, which node:test counts as a failure of the whole file.
  const answer = (reply) => reply.catch((error) => {
    if (!/no such request/i.test(String(error))) throw error;
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!/^https?:/.test(url)) return answer(request.continue());
    const site = sites.find(([pattern]) => pattern.test(url));
    if (!site) return answer(request.respond({ status: 404, contentType: 'text/plain', body: 'not served in tests' }));
    return answer(
      request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(resolve(FIXTURES, site[1]), 'utf8'),
      }),
    );
  });
}

/** Opens an extension page; Firefox never resolves goto() for moz-extension pages, so don't await it. */
export async function openExtensionPage(browser, path, ready) {
  const page = await browser.newPage();
  page.goto(`${EXTENSION_ORIGIN}/${path}`).catch(() => undefined);
  // A wait started on about:blank can fail with "Waiting failed" when the extension page's realm
  // replaces it mid-wait (seen under load); wait again on the page that is there now.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.waitForFunction(ready, { timeout: 20_000, polling: 100 });
      return page;
    } catch (error) {
      if (attempt >= 6 || !/Waiting failed/.test(String(error))) throw error;
      // The realm may be replaced more than once while the page loads: give it a moment.
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Polls `fn` until it returns a truthy value or the time runs out. A try that throws (a page
 * load that timed out while Firefox was still registering the checkout script) counts as "not
 * yet"; the last error is reported if time runs out.
 */
export async function eventually(fn, timeout = 15_000) {
  const end = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > end) throw new Error('timed out waiting for condition', { cause: lastError });
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Opens the checkout at `url` until the content script has read it (with at least
 * `observations` choices): the background registers the script when it starts, so the first
 * loads may come before it. A reading shows as a pending order in storage.session.
 */
export async function openCheckoutUntilRead(browser, shop, url, observations = 0) {
  await eventually(async () => {
    await shop.goto(url);
    await new Promise((r) => setTimeout(r, 500));
    const popup = await openExtensionPage(browser, 'popup.html', () => document.querySelector('[data-testid="total-grams"]'));
    const pending = await popup.evaluate(async () =>
      Object.entries(await browser.storage.session.get(null)).flatMap(([key, value]) => (key.startsWith('pending:') ? [value] : [])),
    );
    await popup.close();
    return pending.some((p) => (p?.observations?.length ?? 0) >= observations);
  }, 30_000);
}
