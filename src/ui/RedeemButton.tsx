import { useRef, useState } from 'preact/hooks';
import type { LedgerDb } from '../ledger/db';
import { formatNumber } from '../core/format';
import { closestLocale, t } from '../core/i18n';
import type { Reward } from '../rewards/format';
import { requestCode } from '../rewards/provider';
import { type RedeemDeps, type RedeemResult, redeemReward } from '../rewards/redeem';
import { browserPointsElsewhere } from '../sync/browser-stores';

/** How redemption reaches the outside world: the clock and the provider endpoint (fetch). */
export const browserRedeemDeps = (): RedeemDeps => ({
  now: () => Date.now(),
  issueCode: (url, body) => requestCode(url, body, globalThis.fetch.bind(globalThis)),
  // the shopper's other browsers, when the account is shown across them (src/sync)
  elsewhere: browserPointsElsewhere,
});

const newPress = () => crypto.randomUUID();

/** What the user reads after a redemption. */
export function redeemMessage(result: RedeemResult): string {
  if (result.ok) return t('redeemDone', result.voucher.code);
  switch (result.reason) {
    case 'insufficient':
      return t('redeemInsufficient');
    case 'not-offered':
      return t('redeemNotOffered');
    case 'pool-empty':
      return t('redeemPoolEmpty');
    case 'provider-timeout':
      return t('redeemProviderTimeout');
    case 'provider-unreachable':
      return t('redeemProviderUnreachable');
    case 'provider-refused':
      return t('redeemProviderRefused', result.detail ?? '');
    case 'provider-garbage':
      return t('redeemProviderGarbage');
  }
}

/**
 * The redeem button of one reward. One press is one request id, kept while the redemption runs
 * and after a provider failure (a retry is the same press, so a provider that did issue a code
 * gives the same one back); the button is disabled while it runs, so a double click is one press.
 */
export function RedeemButton(props: { db: LedgerDb; reward: Reward; locale: string; deps?: RedeemDeps; onResult(message: string, ok: boolean): void }) {
  const { db, reward, locale } = props;
  const press = useRef(newPress());
  // A ref, not only state: a second click can arrive before the disabled state is rendered.
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const title = reward.title[closestLocale(locale)];
  return (
    <button
      type="button"
      class="redeem"
      aria-label={t('redeemLabel', [title, formatNumber(reward.cost, locale)])}
      aria-disabled={busy ? 'true' : undefined}
      onClick={async () => {
        if (running.current) return;
        running.current = true;
        setBusy(true);
        try {
          const result = await redeemReward(db, reward, press.current, props.deps ?? browserRedeemDeps());
          const providerProblem = !result.ok && result.reason.startsWith('provider-');
          if (!providerProblem) press.current = newPress();
          props.onResult(redeemMessage(result), result.ok);
        } catch (error) {
          console.error('[carbon-account] redeem', error);
          props.onResult(t('redeemFailed'), false);
        } finally {
          running.current = false;
          setBusy(false);
        }
      }}
    >
      {busy ? t('redeeming') : t('redeem')}
    </button>
  );
}
