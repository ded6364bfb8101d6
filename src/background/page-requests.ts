import type { LedgerDb } from '../ledger/db';
import { parsePageRequest, type PageRequest, type ReplyTo } from '../messaging/protocol';
import { markPopupSeen, type BadgeApi } from './badge';

export interface PageRequestDeps {
  db: LedgerDb;
  action: BadgeApi;
  now(): number;
  /** makes the registered checkout scripts follow the links (refreshLinks) */
  linksChanged(): Promise<unknown>;
}

/** True when the sender is one of this extension's own pages (popup, options), not a content script. */
export function isExtensionPage(sender: { id?: string; url?: string }, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** The background's answer to a request from one of the extension's pages. */
export async function handlePageRequest(value: unknown, deps: PageRequestDeps): Promise<ReplyTo<PageRequest['type']>> {
  const request = parsePageRequest(value);
  if (!request) return { ok: false, reason: 'malformed page request' };
  if (request.type === 'popup-opened') await markPopupSeen(deps.db, deps.action, deps.now());
  else await deps.linksChanged();
  return { ok: true };
}
