import { expect, test } from './extension';

// Every e2e test asserts that nothing left the browser; this proves the check can see a request
// made by the extension's own service worker.
test('a request from the extension service worker is caught as stray', async ({ serviceWorker, networkRequests }) => {
  await serviceWorker.evaluate(() => fetch('https://tracker.example/collect').catch(() => undefined));
  await expect.poll(() => networkRequests.slice()).toEqual(['https://tracker.example/collect']);
  networkRequests.length = 0;
});
