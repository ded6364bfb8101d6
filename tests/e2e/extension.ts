import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// @ts-expect-error plain ES module shared with the Firefox tests
import { browserPath } from '../browsers.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION = resolve(ROOT, '.output/e2e/chrome-mv3');
export const FIXTURES = resolve(ROOT, 'tests/fixtures/pages');
export const SCREENSHOTS = resolve(ROOT, 'tests/screenshots');

/** A fixture page served at a real shop address: [url pattern, fixture file]. */
export type Site = [RegExp, string];

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /**
   * Requests that would have left the browser (none may): every http(s) request from a page,
   * the popup or the service worker goes through the context's route, and whatever `serve`
   * does not answer with a fixture is refused and listed here. Checked after every test.
   */
  networkRequests: string[];
  /** serves fixture files at real shop URLs; anything else is refused and counted as stray */
  serve(sites: Site[]): Promise<void>;
  sites: Site[];
  /**
   * Origins whose requests really go out (a test's own server on 127.0.0.1, such as the local
   * rewards provider); empty by default, so every other test stays strict.
   */
  allowOrigins: string[];
  openPopup(): Promise<Page>;
  /** Chromium's UI language for the test (`test.use({ lang: 'ja' })`); the default is English */
  lang: string | undefined;
}

/**
 * Chromium with the built extension, serving `sites` at their real addresses; any other
 * http(s) request is refused and pushed to `stray`.
 */
export async function launchWithExtension(options: {
  userDataDir: string;
  sites: Site[];
  stray: string[];
  /**
   * Chromium's UI language (what chrome.i18n reads), e.g. 'zh-CN' or 'ja'. On Linux it comes
   * from --lang and the LANGUAGE variable; Playwright's `locale` alone sets only the page's.
   */
  lang?: string;
  allowOrigins?: string[];
}): Promise<BrowserContext> {
  const lang = options.lang;
  const context = await chromium.launchPersistentContext(options.userDataDir, {
    executablePath: browserPath('chromium'),
    headless: true,
    locale: lang ?? process.env.E2E_LOCALE ?? 'en-US',
    args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--disable-gpu', ...(lang ? [`--lang=${lang}`] : [])],
    ...(lang ? { env: { ...process.env, LANGUAGE: lang.replace('-', '_') } } : {}),
  });
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    const site = options.sites.find(([pattern]) => pattern.test(url));
    if (site) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(resolve(FIXTURES, site[1])) });
    if (options.allowOrigins?.includes(new URL(url).origin)) return route.continue();
    options.stray.push(url);
    return route.abort('blockedbyclient');
  });
  return context;
}

export const test = base.extend<ExtensionFixtures>({
  lang: [undefined, { option: true }],
  networkRequests: [
    async ({}, use) => {
      const stray: string[] = [];
      await use(stray);
      expect(stray, 'requests that would have left the browser').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ networkRequests, sites, lang, allowOrigins }, use) => {
    const context = await launchWithExtension({ userDataDir: '', sites, stray: networkRequests, lang, allowOrigins });
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(sw);
  },
  extensionId: async ({ serviceWorker }, use) => use(new URL(serviceWorker.url()).host),
  sites: async ({}, use) => use([]),
  allowOrigins: async ({}, use) => use([]),
  serve: async ({ sites }, use) => {
    await use(async (more) => {
      sites.push(...more);
    });
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    });
  },
});

/** The bit of the `chrome` global the tests read inside the service worker. */
export interface ChromeGlobal {
  chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
}

/**
 * The sub-accounts linked (rows of the ledger's subAccounts table, read in the service worker):
 * the background injects the checkout script at a linked platform's checkout and confirmation.
 */
export function linkedIds(serviceWorker: Worker): Promise<string[]> {
  return serviceWorker.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('carbon-account');
        // Not created yet: leave its creation to the ledger (an empty version 1 would block its upgrade).
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('subAccounts')) {
            db.close();
            return resolve([]);
          }
          const keys = db.transaction('subAccounts').objectStore('subAccounts').getAllKeys();
          keys.onsuccess = () => resolve(keys.result.map(String));
          keys.onerror = () => resolve([]);
          db.close();
        };
      }),
  );
}

/** Waits until the platform is linked (the e2e build grants every platform's sites; install links them). */
export async function waitForLinked(serviceWorker: Worker, platform: string): Promise<void> {
  await expect.poll(() => linkedIds(serviceWorker), { timeout: 20_000 }).toContain(platform);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = resolve(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export { expect };
