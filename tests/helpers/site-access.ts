import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshLinks, type RegisteredScript, type RegistrationApi } from '../../src/background/registration';
import type { LedgerDb } from '../../src/ledger/db';
import type { LinkApi } from '../../src/ui/options/linking';

/**
 * The browser's site access and script registration as Chrome behaves: a request is granted or
 * refused by the person at the prompt, required hosts cannot be given back, registering an id
 * twice fails. Installed on WXT's fake browser, which does not model these APIs.
 */
export function fakeSiteAccess(options: { required?: string[] } = {}) {
  const required = new Set(options.required ?? []);
  const granted = new Set<string>(required);
  const scripts = new Map<string, RegisteredScript>();
  const state = { answer: true };
  const permissions = {
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      if (!state.answer) return false;
      origins.forEach((o) => granted.add(o));
      return true;
    }),
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
    remove: async ({ origins }: { origins: string[] }) => {
      if (origins.some((o) => required.has(o))) throw new Error('You cannot remove required permissions.');
      origins.forEach((o) => granted.delete(o));
      return true;
    },
  };
  const scripting = {
    getRegisteredContentScripts: async () => [...scripts.values()].map((s) => ({ ...s })),
    registerContentScripts: async (list: RegisteredScript[]) => {
      for (const s of list) if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of list) scripts.set(s.id, { ...s });
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      for (const id of ids) scripts.delete(id);
    },
  };
  Object.assign(fakeBrowser.permissions, permissions);
  Object.assign(fakeBrowser.scripting, scripting);
  return {
    api: fakeBrowser as unknown as LinkApi & RegistrationApi,
    granted,
    scripts,
    /** the person at the prompt says no */
    refuse() {
      state.answer = false;
    },
    /** site access taken away in the browser's settings */
    revoke(origins: string[]) {
      origins.forEach((o) => granted.delete(o));
    },
  };
}

/** What the background does when a page says the links changed: registrations follow them. */
export function backgroundLinks(api: RegistrationApi, db: LedgerDb) {
  return () => refreshLinks(api, db.subAccounts, (_name, task) => task(), { adopt: 'none', now: 0 });
}
