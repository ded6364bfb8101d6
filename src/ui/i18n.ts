import { browser } from 'wxt/browser';

/** A translated string from public/_locales; the key itself if a translation is missing. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key as never, substitutions) || key;
}

/** The browser's UI language, for Intl formatting. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage?.() || navigator.language;
}
