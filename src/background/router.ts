import { handleMessage, type FlowDeps, type SenderInfo } from './checkout-flow';
import { handlePageRequest, isExtensionPage, type PageRequestDeps } from './page-requests';

export interface RouterDeps {
  flow: FlowDeps;
  pages: PageRequestDeps;
  /** the extension's own pages' address prefix (runtime.getURL('/')) */
  extensionOrigin: string;
}

/**
 * The background's one door: the extension's own pages (the shopper's decisions, links, the
 * badge) are answered apart from content scripts, whose messages speak only for a shop's page.
 */
export function route(message: unknown, sender: SenderInfo, deps: RouterDeps) {
  return isExtensionPage(sender, deps.flow.extensionId, deps.extensionOrigin)
    ? handlePageRequest(message, deps.pages)
    : handleMessage(message, sender, deps.flow);
}
