import { ledger, type LedgerDb } from '../ledger/db';
import { mainAccount, recentActions } from '../ledger/queries';
import { platformById } from '../platforms/index';
import { formatDate, formatGrams, formatNumber } from './format';
import { t, uiLocale } from './i18n';
import { useLiveQuery } from './use-live-query';

export function Popup({ db = ledger(), locale = uiLocale() }: { db?: LedgerDb; locale?: string }) {
  const account = useLiveQuery(() => mainAccount(db));
  const actions = useLiveQuery(() => recentActions(db));
  return (
    <main>
      <h1>{t('extName')}</h1>
      <section aria-labelledby="account-heading">
        <h2 id="account-heading">{t('mainAccount')}</h2>
        <p data-testid="total-grams">{account ? t('co2eAvoided', formatGrams(account.grams, locale)) : '…'}</p>
        <p data-testid="points">{account ? t('pointsBalance', formatNumber(account.points, locale)) : ''}</p>
      </section>
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('recentActions')}</h2>
        {actions?.length === 0 && <p>{t('noActionsYet')}</p>}
        <ul data-testid="actions">
          {actions?.map((a) => (
            <li key={a.id}>
              <span>{platformById(a.platform)?.name ?? a.platform}</span> · <span>{t(`kind_${a.kind.replace(/-/g, '_')}`)}</span> ·{' '}
              <span>{formatGrams(a.grams.central, locale)}</span> · <time>{formatDate(a.committedAt, locale)}</time>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
