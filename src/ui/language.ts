import type { LedgerDb } from '../ledger/db';
import { isLocale, LANGUAGE_SETTING, setLocaleOverride } from '../core/i18n';

/**
 * Applies the language chosen in Options (if any) to t() and uiLocale(); extension pages call
 * it before they render. A missing or unreadable choice leaves the browser's language.
 */
export async function applyLanguageSetting(db: LedgerDb): Promise<void> {
  const chosen = (await db.settings.get(LANGUAGE_SETTING))?.value;
  await setLocaleOverride(isLocale(chosen) ? chosen : undefined);
  document.documentElement.lang = (isLocale(chosen) ? chosen : navigator.language).replace('_', '-');
}
