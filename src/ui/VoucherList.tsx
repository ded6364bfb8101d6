import { useEffect, useState } from 'preact/hooks';
import type { LedgerDb, Voucher } from '../ledger/db';
import { platformById } from '../platforms/index';
import { formatDay } from '../core/format';
import { closestLocale, t } from '../core/i18n';
import { useLiveQuery } from './use-live-query';
import { expireVouchers, listVouchers, voucherStatus } from '../rewards/vouchers';

function voucherLine(voucher: Voucher, now: number, locale: string): string {
  const date = (time: number) => formatDay(time, locale);
  const status = voucherStatus(voucher, now);
  if (status === 'used') return t('voucherUsed', date(voucher.usedAt ?? voucher.issuedAt));
  if (status === 'expired') return t('voucherExpired', date(voucher.expiresAt));
  return t('voucherUnused', date(voucher.expiresAt));
}

/** The user's vouchers: unused first with a copy button each, then used and expired ones. */
export function VoucherList({ db, locale, now = Date.now }: { db: LedgerDb; locale: string; now?: () => number }) {
  useEffect(() => {
    void expireVouchers(db, now());
  }, [db]);
  const vouchers = useLiveQuery(() => listVouchers(db, now()), [db]);
  const [copied, setCopied] = useState('');
  if (!vouchers) return null;
  const lang = closestLocale(locale);
  return (
    <section class="card" aria-labelledby="vouchers-heading">
      <h2 id="vouchers-heading">{t('vouchersTitle')}</h2>
      {vouchers.length === 0 ? (
        <p class="muted">{t('noVouchers')}</p>
      ) : (
        <ul class="rows" data-testid="vouchers">
          {vouchers.map((x) => {
            const status = voucherStatus(x, now());
            return (
              <li key={x.id} data-status={status} data-code={x.code} class={`voucher ${status === 'unused' ? '' : 'not-counted'}`}>
                <span class="reward-name what">
                  <span>{x.title?.[lang] ?? x.rewardId}</span>
                  <small class="muted">
                    {x.platform === 'any' ? t('voucherAnyShop') : (platformById(x.platform)?.name ?? x.platform)} · {voucherLine(x, now(), locale)}
                  </small>
                </span>
                <code class="voucher-code">{x.code}</code>
                {status === 'unused' && (
                  <button
                    type="button"
                    class="link-button"
                    aria-label={t('voucherCopyLabel', x.code)}
                    onClick={async () => {
                      try {
                        await navigator.clipboard.writeText(x.code);
                        setCopied(t('voucherCopied', x.code));
                      } catch {
                        setCopied(t('voucherCopyFailed'));
                      }
                    }}
                  >
                    {t('voucherCopy')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" class="muted" data-testid="voucher-status">
        {copied}
      </p>
    </section>
  );
}
