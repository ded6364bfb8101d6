import { FACTORS, METHODOLOGY_VERSION } from '../../carbon/factors';
import { formatGrams } from '../../core/format';
import { t } from '../../core/i18n';
import { kindMessageKey } from '../../core/kinds';

/** The factors table exactly as the ledger scores actions: central value, range and sources. */
export function Methodology(props: { locale: string }) {
  const { locale } = props;
  return (
    <section aria-labelledby="methodology-heading" id="methodology">
      <h2 id="methodology-heading">{t('methodologyTitle')}</h2>
      <p>{t('methodologyIntro', METHODOLOGY_VERSION)}</p>
      <div class="table-wrap">
        <table data-testid="factors">
          <thead>
            <tr>
              <th scope="col">{t('colChoice')}</th>
              <th scope="col">{t('colCentral')}</th>
              <th scope="col">{t('colRange')}</th>
              <th scope="col">{t('colSources')}</th>
              <th scope="col">{t('colNote')}</th>
            </tr>
          </thead>
          <tbody>
            {FACTORS.map((f) => (
              <tr key={`${f.kind}/${f.detail ?? ''}`}>
                <th scope="row">
                  {t(kindMessageKey(f.kind))}
                  {f.detail && <span class="detail"> · {f.detail}</span>}
                </th>
                <td>{formatGrams(f.grams.central, locale)}</td>
                <td>{t('rangeValue', [formatGrams(f.grams.low, locale), formatGrams(f.grams.high, locale)])}</td>
                <td>{f.sources.join(', ')}</td>
                <td lang="en">{f.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
