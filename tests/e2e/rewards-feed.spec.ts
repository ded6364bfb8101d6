import { seriousViolations } from './axe';
import { expect, screenshot, test } from './extension';
import { startProvider } from './provider';

test('Options: a rewards feed from a local provider is fetched once when saved, a broken update keeps the last good catalog and says why', async ({
  context,
  extensionId,
  allowOrigins,
}) => {
  const provider = await startProvider();
  allowOrigins.push(provider.origin);
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html#settings`);
    const field = options.getByLabel('Rewards feed address');
    await expect(options.getByTestId('feed-state')).toHaveText('Using the bundled sample programme.');
    expect(provider.state.requests).toEqual([]);

    // Not https: refused before anything is asked or fetched.
    await field.fill('http://rewards.example/catalog.json');
    await options.getByRole('button', { name: 'Use this feed' }).click();
    await expect(options.getByTestId('feed-message')).toHaveText('The address must start with https://.');

    await field.fill(provider.feedUrl);
    await field.press('Enter');
    await expect(options.getByTestId('feed-message')).toHaveText('Saved. Rewards in the feed: 1.');
    await expect(options.getByTestId('feed-state')).toContainText('Using the feed, loaded');
    expect(provider.state.requests).toEqual(['GET /catalog.json']);

    provider.state.feed = 'garbage';
    await options.getByRole('button', { name: 'Check the feed now' }).click();
    await expect(options.getByTestId('feed-problem')).toContainText('The rewards feed could not be updated: the answer is not JSON. The catalog loaded');
    await expect(options.getByTestId('feed-state')).toContainText('Rewards: 1.');
    provider.state.feed = 'invalid';
    await options.getByRole('button', { name: 'Check the feed now' }).click();
    await expect(options.getByTestId('feed-problem')).toContainText('the catalog is not valid (version:');
    await screenshot(options, 'rewards-options-feed');
    expect(await seriousViolations(options)).toEqual([]);
    expect(provider.state.requests).toHaveLength(3);

    // Opening Options or the popup again within the day fetches nothing.
    await options.reload();
    await expect(options.getByTestId('feed-state')).toContainText('Using the feed');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.locator('h1')).toBeVisible();
    await popup.waitForTimeout(500);
    expect(provider.state.requests).toHaveLength(3);

    // Emptying the field goes back to the sample programme.
    await field.fill('');
    await field.press('Enter');
    await expect(options.getByTestId('feed-message')).toHaveText('Feed removed: the sample programme is shown.');
    await expect(options.getByTestId('feed-state')).toHaveText('Using the bundled sample programme.');
  } finally {
    await provider.close();
  }
});
