import { browser } from 'wxt/browser';

/** The languages the extension ships (folders in public/_locales). */
export const LOCALES = ['en', 'zh_CN', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every shipped language (reward titles, the catalog's lines). */
export type LocalText = Record<Locale, string>;

/** The shipped locale closest to a BCP 47 tag. */
export function closestLocale(language: string): Locale {
  const lower = language.toLowerCase();
  if (lower.startsWith('zh')) return 'zh_CN';
  if (lower.startsWith('ja')) return 'ja';
  return 'en';
}

/** Settings key of the language chosen in Options; absent means the browser's. */
export const LANGUAGE_SETTING = 'language';

export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Messages = Record<string, MessageEntry>;

let override: { locale: Locale; messages: Messages } | undefined;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Fills a messages.json entry the way browser.i18n does: named $PLACEHOLDERS$ become their
 * content, then $1…$9 become the substitutions and $$ a dollar sign.
 */
export function formatMessage(entry: MessageEntry, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const named = entry.message.replace(/\$([a-zA-Z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return named.replace(/\$(\$|[1-9])/g, (_, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
}

/**
 * Uses `locale`'s messages instead of the browser's language from now on (undefined goes
 * back to the browser's). `load` reads a locale's messages.json from the extension package.
 */
export async function setLocaleOverride(locale: Locale | undefined, load: (locale: Locale) => Promise<Messages> = packagedMessages): Promise<void> {
  override = locale ? { locale, messages: await load(locale) } : undefined;
}

const packaged = new Map<Locale, Promise<Messages>>();

/**
 * A locale's messages.json from the extension package, read once per page or service worker
 * (the background answers every checkout's voucher question in the chosen language); a failed
 * read is tried again next time.
 */
export function packagedMessages(locale: Locale): Promise<Messages> {
  let messages = packaged.get(locale);
  if (!messages) {
    messages = fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/')).then((r) => r.json() as Promise<Messages>);
    packaged.set(locale, messages);
    messages.catch(() => packaged.delete(locale));
  }
  return messages;
}

/** A translated string from public/_locales; the key itself if a translation is missing. */
export function t(key: string, substitutions?: string | string[]): string {
  const entry = override?.messages[key];
  if (entry) return formatMessage(entry, substitutions);
  return browser.i18n.getMessage(key as never, substitutions) || key;
}

/** The UI language (the chosen one, else the browser's), for Intl formatting and `lang`. */
export function uiLocale(): string {
  if (override) return override.locale.replace('_', '-');
  return browser.i18n.getUILanguage?.() || navigator.language;
}
