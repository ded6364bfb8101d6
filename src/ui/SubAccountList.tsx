import type { SubAccount, Total } from '../ledger/db';
import { customHost } from '../core/ids';
import { platformById } from '../platforms/index';
import { formatGrams, formatNumber, pluralOf } from '../core/format';
import { t } from '../core/i18n';

export interface SubAccountRow {
  account: SubAccount;
  /** the platform's 'platform:<id>' total; undefined before its first action */
  total?: Total;
}

/** What a sub-account is called: the platform's name, or a custom shop's host. */
export function subAccountName(id: string): string {
  return platformById(id)?.name ?? customHost(id) ?? id;
}

/** "1 action", "3 actions" (languages without plural forms use one message for both). */
export function actionCount(count: number, locale: string): string {
  const key = pluralOf(count, locale) === 'one' ? 'actionCountOne' : 'actionCountOther';
  return t(key, formatNumber(count, locale));
}

/** Biggest share of the account first, then by name. */
export function sortRows(rows: readonly SubAccountRow[], locale: string): SubAccountRow[] {
  const collator = new Intl.Collator(locale);
  return [...rows].sort(
    (a, b) => (b.total?.grams ?? 0) - (a.total?.grams ?? 0) || collator.compare(subAccountName(a.account.platform), subAccountName(b.account.platform)),
  );
}

/** One row per linked platform, or how to link one when there is none. */
export function SubAccountList({ rows, locale }: { rows: readonly SubAccountRow[]; locale: string }) {
  return (
    <section class="card" aria-labelledby="subaccounts-heading">
      <h2 id="subaccounts-heading">{t('subAccountsTitle')}</h2>
      {rows.length === 0 ? (
        <div data-testid="no-sub-accounts">
          <p>{t('noSubAccounts')}</p>
          <p>
            <a href="/options.html#accounts" target="_blank">
              {t('linkInOptions')}
            </a>
          </p>
        </div>
      ) : (
        <ul class="rows" data-testid="sub-accounts">
          {sortRows(rows, locale).map(({ account, total }) => (
            <li key={account.platform} data-platform={account.platform}>
              <span class="name">
                {subAccountName(account.platform)}
                {account.label && <small class="muted"> · {account.label}</small>}
              </span>
              <span class="figures">
                <span>{formatGrams(total?.grams ?? 0, locale)}</span>
                <small class="muted">{actionCount(total?.count ?? 0, locale)}</small>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
