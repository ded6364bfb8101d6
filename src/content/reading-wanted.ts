import * as v from 'valibot';
import { PageReadingWantedSchema, type PageReadingReply } from '../messaging/protocol';
import { readingReport } from '../report/collect';

/** The part of the runtime API the answer needs (the content script passes `browser.runtime`). */
export interface ReadingRuntime {
  id: string;
  onMessage: {
    addListener(listener: ReadingListener): void;
    removeListener(listener: ReadingListener): void;
  };
}
type ReadingListener = (message: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (reply: PageReadingReply) => void) => boolean | undefined;

/**
 * Answers the popup's "what do you read here?" with the page's reading report, collected only
 * when asked (never on the shop's own schedule). Only this extension's pages may ask, and no
 * tab: a content script's sender always has one. `pressed()` records the shopper's trusted
 * press of the place-order button, which the report tells of for a checkout.
 */
export function answerReadingRequests(win: Window, runtime: ReadingRuntime, onInvalidated: (stop: () => void) => void): { pressed(): void } {
  let pressedAt: string | undefined;
  const listener: ReadingListener = (message, sender, sendResponse) => {
    if (sender.id !== runtime.id || sender.tab || !v.is(PageReadingWantedSchema, message)) return false;
    const report = readingReport(new URL(win.location.href), win.document);
    if (report?.page === 'checkout') report.placeOrderPressed = pressedAt === win.location.href;
    sendResponse({ report });
    return false;
  };
  runtime.onMessage.addListener(listener);
  onInvalidated(() => runtime.onMessage.removeListener(listener));
  return {
    pressed: () => {
      pressedAt = win.location.href;
    },
  };
}
