import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerReadingRequests, type ReadingRuntime } from '../../src/content/reading-wanted';
import { readingReport } from '../../src/report/collect';
import type { ReadingReport } from '../../src/report/format';
import { setLocaleOverride, type Locale } from '../../src/core/i18n';
import { OnThisPage } from '../../src/ui/OnThisPage';
import { activeTabReading } from '../../src/ui/page-reading';
import { packaged } from '../helpers/locales';
import { loadPage } from '../helpers/page';

let root: HTMLElement;
beforeEach(async () => {
  await setLocaleOverride('en', packaged);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await setLocaleOverride(undefined);
});

const ubereats = (file = 'ubereats/checkout.html') => {
  const { url, doc } = loadPage(file, 'https://www.ubereats.com/checkout');
  return readingReport(url, doc)!;
};
const shown = (report: ReadingReport | null) => render(<OnThisPage ask={async () => report} locale="en" />, root);
const section = () => root.querySelector<HTMLElement>('[data-testid="on-this-page"]');
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name);

describe('On this page', () => {
  it('shows the choices read, the control each came from, the page type and the press', async () => {
    shown({ ...ubereats(), placeOrderPressed: true });
    await expect.poll(() => section()?.textContent).toContain('On this page');
    const text = section()!.textContent!;
    expect(text).toContain('Uber Eats checkout page');
    expect(text).toContain('Place-order button: your press was seen.');
    expect(text).toContain('No cutlery');
    expect(text).toContain('from “Request utensils, straws, etc.” (switch, not selected)');
  });

  it('says what it looked for when nothing was read', async () => {
    shown(ubereats('ubereats/checkout-utensils-requested.html'));
    await expect.poll(() => section()?.textContent).toContain('No low-carbon choice read here. We looked for: No cutlery.');
    expect(section()!.textContent).toContain('Place-order button: not pressed yet on this page.');
  });

  it('is absent off a linked shop and on its other pages', async () => {
    shown(null);
    await new Promise((r) => setTimeout(r, 20));
    expect(section()).toBeNull();
    shown({ ...ubereats(), page: 'other', read: [] });
    await new Promise((r) => setTimeout(r, 20));
    expect(section()).toBeNull();
  });

  it('"Not right?" shows the whole report with the scrubbed note before saving or copying it', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    shown(ubereats());
    await expect.poll(() => button('Not right?')).toBeTruthy();
    button('Not right?')!.click();
    await expect.poll(() => root.querySelector('[data-testid="reading-report"]')).toBeTruthy();
    const input = root.querySelector<HTMLInputElement>('#reading-report-note')!;
    input.value = 'No cutlery chosen, order 123-1234567-1234567 not counted';
    input.dispatchEvent(new Event('input'));
    const json = () => JSON.parse(root.querySelector('[data-testid="reading-report-json"]')!.textContent!) as ReadingReport;
    await expect.poll(() => json().note).toBe('No cutlery chosen, order [number] not counted');
    expect(json()).toEqual({ ...ubereats(), note: 'No cutlery chosen, order [number] not counted' });
    const save = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Save as a file')!;
    expect(save.getAttribute('download')).toBe('carbon-account-reading-ubereats.json');
    expect(save.getAttribute('href')).toMatch(/^blob:/);
    button('Copy')!.click();
    await expect.poll(() => writeText.mock.calls.length).toBe(1);
    expect(JSON.parse(writeText.mock.calls[0][0])).toEqual(json());
    const tracker = [...root.querySelectorAll('a')].find((a) => a.textContent === 'the project’s issue tracker')!;
    expect(tracker.getAttribute('href')).toMatch(/^https:\/\/github\.com\/.+\/issues$/);
  });

  it.each(['zh_CN', 'ja'] as Locale[])('is translated (%s)', async (locale) => {
    await setLocaleOverride(locale, packaged);
    shown(ubereats());
    await expect.poll(() => section()?.textContent).toBeTruthy();
    button((await packaged(locale)).readingNotRight.message)!.click();
    await expect.poll(() => root.querySelector('[data-testid="reading-report"]')).toBeTruthy();
    const english = await packaged('en');
    for (const el of root.querySelectorAll('h2, h3, p, label, button, a')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent!.trim()).join(' ').trim();
      if (own) expect(Object.values(english).map((m) => m.message)).not.toContain(own);
    }
  });
});

describe('the checkout script answers the popup', () => {
  function runtime() {
    let listener: Parameters<ReadingRuntime['onMessage']['addListener']>[0] | undefined;
    const rt: ReadingRuntime = { id: 'ext', onMessage: { addListener: (l) => (listener = l), removeListener: () => (listener = undefined) } };
    const ask = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      let reply: unknown = 'no answer';
      listener?.(message, sender, (r) => (reply = r));
      return reply;
    };
    return { rt, ask, listening: () => listener !== undefined };
  }

  it('with the page report, the press once seen, only to this extension page', () => {
    const { window } = loadPage('ubereats/checkout.html', 'https://www.ubereats.com/checkout');
    const { rt, ask, listening } = runtime();
    let stop = () => {};
    const answer = answerReadingRequests(window as unknown as Window, rt, (s) => (stop = s));
    const asked = () => ask({ type: 'page-reading-wanted' }, { id: 'ext' }) as { report: ReadingReport };
    expect(asked().report).toMatchObject({ platform: 'ubereats', page: 'checkout', placeOrderPressed: false, read: [{ kind: 'no-cutlery' }] });
    answer.pressed();
    expect(asked().report.placeOrderPressed).toBe(true);
    expect(ask({ type: 'page-reading-wanted' }, { id: 'other-extension' })).toBe('no answer');
    expect(ask({ type: 'page-reading-wanted' }, { id: 'ext', tab: { id: 3 } })).toBe('no answer');
    expect(ask({ type: 'page-read' }, { id: 'ext' })).toBe('no answer');
    stop();
    expect(listening()).toBe(false);
  });

  it('the popup asks the active tab, and takes a missing script or a bad answer as nothing', async () => {
    const report = ubereats();
    const tabs = (reply: () => Promise<unknown>) => ({ query: async () => [{ id: 7 }], sendMessage: vi.fn(reply) });
    const good = tabs(async () => ({ report }));
    expect(await activeTabReading(good)).toEqual(report);
    expect(good.sendMessage).toHaveBeenCalledWith(7, { type: 'page-reading-wanted' });
    expect(await activeTabReading(tabs(async () => Promise.reject(new Error('Receiving end does not exist'))))).toBeNull();
    expect(await activeTabReading(tabs(async () => ({ report: { ...report, note: 'call 555 0100' } })))).toBeNull();
  });
});
