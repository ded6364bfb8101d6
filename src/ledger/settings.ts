import type { LedgerDb } from './db';
import { isLocale, LANGUAGE_SETTING, type Locale } from '../core/i18n';

/** Settings the options page writes; the background and popup read them from the ledger. */
export const SETTING = {
  /** most actions one platform may add to the account in a day (the ledger applies it); absent = the default */
  dailyCap: 'dailyCap',
  /** whether the extension may show a notification when an action is recorded; default on */
  notifications: 'notifications',
  /** the UI language chosen instead of the browser's (en, zh_CN, ja); absent = the browser's */
  language: LANGUAGE_SETTING,
} as const;

/** The daily cap when none is set: far above what one shopper does on one platform in a day; stops a runaway page flooding the account. */
export const DEFAULT_DAILY_CAP = 20;

export interface Settings {
  /** undefined: the default applies */
  dailyCap: number | undefined;
  notifications: boolean;
  language: Locale | undefined;
}

/** The settings as stored, with anything unreadable taken as its default. */
export async function readSettings(db: LedgerDb): Promise<Settings> {
  const [cap, notifications, language] = await db.settings.bulkGet([SETTING.dailyCap, SETTING.notifications, SETTING.language]);
  const capValue = cap?.value;
  return {
    dailyCap: typeof capValue === 'number' && Number.isInteger(capValue) && capValue > 0 ? capValue : undefined,
    notifications: notifications?.value !== false,
    language: isLocale(language?.value) ? language.value : undefined,
  };
}

/** Checks and stores a daily cap typed by the user: a whole number of actions, or empty for the default. */
export async function saveDailyCap(db: LedgerDb, typed: string): Promise<{ ok: true; value: number | undefined } | { ok: false }> {
  const text = typed.trim();
  if (!text) {
    await db.settings.delete(SETTING.dailyCap);
    return { ok: true, value: undefined };
  }
  if (!/^\d{1,4}$/.test(text) || Number(text) === 0) return { ok: false };
  await db.settings.put({ key: SETTING.dailyCap, value: Number(text) });
  return { ok: true, value: Number(text) };
}

export async function saveNotifications(db: LedgerDb, on: boolean): Promise<void> {
  await db.settings.put({ key: SETTING.notifications, value: on });
}

export async function saveLanguage(db: LedgerDb, language: Locale | undefined): Promise<void> {
  if (language) await db.settings.put({ key: SETTING.language, value: language });
  else await db.settings.delete(SETTING.language);
}
