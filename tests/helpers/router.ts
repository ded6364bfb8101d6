import type { FlowDeps, SenderInfo } from '../../src/background/checkout-flow';
import { route } from '../../src/background/router';

/** The background's one door as background.ts wires it, with a badge and registrations that do nothing. */
export function backgroundDoor(flow: FlowDeps, extensionOrigin: string) {
  const pages = {
    db: flow.db,
    action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {} },
    now: flow.now,
    linksChanged: async () => {},
    offers: flow,
  };
  return (message: unknown, sender: SenderInfo) => route(message, sender, { flow, pages, extensionOrigin });
}
