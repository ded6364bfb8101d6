import type { Total } from '../ledger/db';
import { EQUIVALENTS, formatUnits, unitsOf } from './equivalents';
import { formatGrams, formatNumber } from '../core/format';
import { t } from '../core/i18n';

export interface MainAccountProps {
  total: Total;
  /** points available: earned − redeemed */
  balance: number;
  locale: string;
}

/** The main account: every sub-account added up, with its range and what it compares to. */
export function MainAccount({ total, balance, locale }: MainAccountProps) {
  const range = t('rangeValue', [formatGrams(total.gramsLow, locale), formatGrams(total.gramsHigh, locale)]);
  return (
    <section class="card main-account" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('mainAccount')}</h2>
      <p class="total" data-testid="total-grams">
        {t('co2eAvoided', formatGrams(total.grams, locale))}
      </p>
      <p class="muted" data-testid="total-range">
        {t('co2eRangeLine', range)}
      </p>
      <p class="points" data-testid="points">
        {t('pointsBalance', formatNumber(balance, locale))}
      </p>
      {total.grams > 0 && (
        <div class="equivalents">
          <h3 id="equivalents-heading">{t('equivalentsTitle')}</h3>
          <ul aria-labelledby="equivalents-heading" data-testid="equivalents">
            {EQUIVALENTS.map((e) => (
              <li key={e.id}>
                <span>{t(e.message, formatUnits(unitsOf(total.grams, e), locale))}</span>
                <small class="muted">{t(e.sourceMessage)}</small>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
