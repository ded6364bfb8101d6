import { sourceHref } from '../carbon/sources';
import type { Total } from '../ledger/db';
import { EQUIVALENTS, formatUnits, unitsOf } from './equivalents';
import { formatRange } from '../core/format';
import { t } from '../core/i18n';

/** The account in detail: the range of the estimate and what it compares to, each with its source. */
export function MainAccount({ total, locale }: { total: Total; locale: string }) {
  return (
    <section class="card" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('accountDetails')}</h2>
      <p class="muted" data-testid="total-range">
        {t('co2eRangeLine', formatRange(total.gramsLow, total.gramsHigh, locale, t))}
      </p>
      {total.grams > 0 && (
        <div class="equivalents">
          <h3 id="equivalents-heading">{t('equivalentsTitle')}</h3>
          <ul aria-labelledby="equivalents-heading" data-testid="equivalents">
            {EQUIVALENTS.map((e) => (
              <li key={e.id}>
                <span>{t(e.message, formatUnits(unitsOf(total.grams, e), locale))}</span>
                <small>
                  <a href={sourceHref(e.sources[0])} target="_blank">
                    {t(e.sourceMessage)}
                  </a>
                </small>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
