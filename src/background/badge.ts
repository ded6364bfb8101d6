import type { LedgerDb } from '../ledger/db';
import { numberFormat } from '../core/format';

/** Settings key of when the popup was last opened (ms since the epoch). */
export const POPUP_SEEN_KEY = 'popupSeenAt';

/** The slice of the `action` API the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

/** Dark green: white badge text on it passes 4.5:1 in light and dark toolbars alike. */
export const BADGE_COLOR = '#17643a';

/**
 * Points of the actions counted since the popup was last opened. Reads only actions committed
 * after that moment through the committedAt index, so its cost grows with what is new, not
 * with the ledger.
 */
export async function pointsSinceSeen(db: LedgerDb): Promise<number> {
  const seen = (await db.settings.get(POPUP_SEEN_KEY))?.value;
  const since = typeof seen === 'number' && Number.isFinite(seen) ? seen : 0;
  let sum = 0;
  await db.actions
    .where('committedAt')
    .above(since)
    .each((action) => {
      if (action.status === 'active') sum += action.points;
    });
  return sum;
}

/** "+15", "+1.2K": at most about four characters, which is what a toolbar badge shows. */
export function badgeText(points: number, locale: string): string {
  if (points <= 0) return '';
  return `+${numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(points)}`;
}

/** Shows the points earned since the popup was last opened (nothing when there are none). */
export async function refreshBadge(db: LedgerDb, api: BadgeApi, locale: string): Promise<string> {
  const text = badgeText(await pointsSinceSeen(db), locale);
  await api.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await api.setBadgeText({ text });
  return text;
}

/** The popup opened: what was new has been seen, so the badge clears. */
export async function markPopupSeen(db: LedgerDb, api: BadgeApi, now: number): Promise<void> {
  await db.settings.put({ key: POPUP_SEEN_KEY, value: now });
  await api.setBadgeText({ text: '' });
}
