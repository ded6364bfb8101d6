import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LedgerDb } from '../../src/ledger/db';
import { readSettings, saveDailyCap, saveLanguage, saveNotifications } from '../../src/ledger/settings';
import { formatMessage, LOCALES, packagedMessages, setLocaleOverride, t, uiLocale } from '../../src/core/i18n';
import { packaged } from '../helpers/locales';

let db: LedgerDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = new LedgerDb(`settings-${Math.random()}`);
});
afterEach(() => setLocaleOverride(undefined));

describe('settings', () => {
  it('defaults: no cap, notifications on, the browser’s language', async () => {
    expect(await readSettings(db)).toEqual({ dailyCap: undefined, notifications: true, language: undefined });
  });

  it('stores a daily cap as a whole number of points and refuses anything else, keeping the old one', async () => {
    expect(await saveDailyCap(db, ' 300 ')).toEqual({ ok: true, value: 300 });
    for (const bad of ['0', '-5', '2.5', 'lots', '99999']) expect(await saveDailyCap(db, bad), bad).toEqual({ ok: false });
    expect((await db.settings.get('dailyCap'))?.value).toBe(300);
    expect(await saveDailyCap(db, '')).toEqual({ ok: true, value: undefined });
    expect(await db.settings.get('dailyCap')).toBeUndefined();
  });

  it('stores notifications and language, and reads a tampered value as the default', async () => {
    await saveNotifications(db, false);
    await saveLanguage(db, 'ja');
    expect(await readSettings(db)).toMatchObject({ notifications: false, language: 'ja' });
    await db.settings.put({ key: 'language', value: 'xx' });
    await db.settings.put({ key: 'dailyCap', value: 'a lot' });
    expect(await readSettings(db)).toMatchObject({ language: undefined, dailyCap: undefined });
  });
});

describe('language override', () => {
  it('fills named placeholders and $1…$9 the way browser.i18n does', () => {
    const entry = { message: '$COUNT$ of $NAME$ cost $$5', placeholders: { name: { content: '$2' }, count: { content: '$1' } } };
    expect(formatMessage(entry, ['3', 'Uber Eats'])).toBe('3 of Uber Eats cost $5');
  });

  it('t() speaks the chosen language from the packaged messages, and uiLocale() follows it', async () => {
    fakeBrowser.i18n.getMessage = (key: string) => `browser:${key}`;
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    expect(t('statusLinked')).toBe('browser:statusLinked');
    await setLocaleOverride('ja', packaged);
    expect(t('statusLinked')).toBe('連携済み');
    expect(t('linkPlatform', 'Uber Eats')).toBe('Uber Eats を連携');
    expect(uiLocale()).toBe('ja');
    await setLocaleOverride('zh_CN', packaged);
    expect(t('unlinkDialogTitle', 'Uber Eats')).toBe('取消关联 Uber Eats？');
    expect(uiLocale()).toBe('zh-CN');
    await setLocaleOverride(undefined);
    expect(uiLocale()).toBe('en-US');
  });

  it('reads a packaged messages.json once, and again after a failed read', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockImplementation(async () => new Response(JSON.stringify({ extName: { message: 'カーボンアカウント' } })));
    vi.stubGlobal('fetch', fetch);
    try {
      await expect(packagedMessages('ja')).rejects.toThrow('Failed to fetch');
      expect((await packagedMessages('ja')).extName.message).toBe('カーボンアカウント');
      await packagedMessages('ja');
      expect(fetch).toHaveBeenCalledTimes(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('every language has every message, with the same placeholders', async () => {
    const all = await Promise.all(LOCALES.map(packaged));
    const [en, ...others] = all;
    for (const [i, messages] of others.entries()) {
      expect(Object.keys(messages).sort(), LOCALES[i + 1]).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(Object.keys(messages[key].placeholders ?? {}), `${LOCALES[i + 1]} ${key}`).toEqual(Object.keys(en[key].placeholders ?? {}));
      }
    }
  });
});
