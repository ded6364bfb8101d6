import * as v from 'valibot';
import { PageReadingReplySchema, type PageReadingWanted } from '../messaging/protocol';
import type { ReadingReport } from '../report/format';

/** The part of the tabs API the popup needs: no permission beyond what the extension has. */
export interface ReadingTabs {
  query(query: { active: true; lastFocusedWindow: true }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: PageReadingWanted): Promise<unknown>;
}

/**
 * What the checkout script in the active tab reads there; null when the tab has none (not a
 * linked shop, or a page the script does not run on) or its answer is not a report.
 */
export async function activeTabReading(tabs: ReadingTabs): Promise<ReadingReport | null> {
  const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return null;
  let reply: unknown;
  try {
    reply = await tabs.sendMessage(tab.id, { type: 'page-reading-wanted' });
  } catch {
    // "Receiving end does not exist": no checkout script in that tab.
    return null;
  }
  const parsed = v.safeParse(PageReadingReplySchema, reply);
  return parsed.success ? parsed.output.report : null;
}
