import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { originPatterns } from './src/platforms/hosts';
import { PLATFORMS } from './src/platforms/index';

/**
 * Host access is optional and granted per platform when the user links it. The e2e build
 * (CARBON_GRANT_HOSTS=1, written to .output/e2e) starts with every platform's hosts granted,
 * because automation cannot click the browser's permission prompt.
 */
const grantHosts = process.env.CARBON_GRANT_HOSTS === '1';
const platformOrigins = PLATFORMS.flatMap(originPatterns);
/**
 * A shop the user adds by its address (Options → Add another shop) is asked for by its one
 * origin at that moment; this broad pattern only makes such a request possible.
 */
export const CUSTOM_SHOP_ORIGINS = ['https://*/*'];
/** The e2e build also grants one test shop, so adding a shop by address needs no prompt there. */
export const E2E_CUSTOM_SHOP = 'https://greenbowl.example/*';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content script runs on every page of a linked shop, so it uses the browser's own
    // `browser` namespace (what the polyfill returns wherever one exists) and leaves the
    // polyfill, whose set-up costs each page load, to the extension's own pages.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const own = { find: 'wxt/browser', replacement: '@wxt-dev/browser' };
      const alias = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias) ? [own, ...alias] : { ...alias, [own.find]: own.replacement },
      };
    },
  },
  // `npm run demo` writes screenshots here; they are not sources.
  zip: { excludeSources: ['demo-output/**'] },
  outDirTemplate: grantHosts ? 'e2e/{{browser}}-mv{{manifestVersion}}' : undefined,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the sync record's coalesced writes and retries (src/sync/schedule.ts) must survive
    // the service worker being stopped, which page timers do not.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms'],
    optional_host_permissions: [...platformOrigins, ...CUSTOM_SHOP_ORIGINS],
    ...(grantHosts ? { host_permissions: [...platformOrigins, E2E_CUSTOM_SHOP] } : {}),
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'carbon-account@carbon-account.app',
              // data_collection_permissions needs Firefox 140 (desktop) and 142 (Android)
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
