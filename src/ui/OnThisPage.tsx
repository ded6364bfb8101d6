import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { platformById } from '../platforms/index';
import { CHOICE_KINDS } from '../core/kinds';
import type { ReadingReport, ReportControl } from '../report/format';
import { t } from '../core/i18n';
import { activeTabReading } from './page-reading';
import { ReadingReportView } from './ReadingReportView';
import { kindLabel } from './RecentActions';
import { subAccountName } from './SubAccountList';
import './reading.css';

export interface OnThisPageProps {
  /** what the active tab's checkout script reads (null when the tab is not a linked shop's page); by default, asks it */
  ask?(): Promise<ReadingReport | null>;
  locale: string;
}

const list = (items: string[], locale: string) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

function source(control: ReportControl | undefined): string {
  if (!control) return t('readingFromPageText');
  return t('readingFromControl', [control.name, t(`readingRole_${control.role}`), t(control.selected ? 'readingSelected' : 'readingNotSelected')]);
}

/**
 * "On this page": on a linked shop's checkout or confirmation, the choices read there, the
 * control each came from and, at a checkout, whether the place-order press was seen; with
 * "Not right?" opening a reading report the shopper can save or copy.
 */
const askActiveTab = () => activeTabReading(browser.tabs);

export function OnThisPage({ ask = askActiveTab, locale }: OnThisPageProps) {
  const [report, setReport] = useState<ReadingReport | null>(null);
  const [reporting, setReporting] = useState(false);
  useEffect(() => {
    void ask().then(setReport, () => setReport(null));
  }, [ask]);
  if (!report || report.page === 'other') return null;

  const kinds = platformById(report.platform)?.kinds ?? CHOICE_KINDS;
  const shop = subAccountName(report.platform);
  return (
    <section class="card on-this-page" aria-labelledby="on-this-page-title" data-testid="on-this-page">
      <h2 id="on-this-page-title">{t('readingTitle')}</h2>
      <p>{t(report.page === 'checkout' ? 'readingPageCheckout' : 'readingPageConfirmation', shop)}</p>
      {report.page === 'checkout' && <p>{t(report.placeOrderPressed ? 'readingPressSeen' : 'readingPressNotSeen')}</p>}
      {report.read.length ? (
        <ul class="rows" aria-label={t('readingChoicesLabel')}>
          {report.read.map((o) => (
            <li key={o.kind}>
              <strong>{kindLabel(o.kind)}</strong>
              <span class="muted">{source(report.controls.find((c) => c.counted === o.kind))}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('readingNothing', list(kinds.map(kindLabel), locale))}</p>
      )}
      {!reporting && (
        <button type="button" class="link-button" onClick={() => setReporting(true)}>
          {t('readingNotRight')}
        </button>
      )}
      {reporting && <ReadingReportView report={report} onClose={() => setReporting(false)} />}
    </section>
  );
}
