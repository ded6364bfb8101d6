import type { WeekTotals } from '../ledger/queries';
import { CATEGORIES, categoryMessageKey, type Category } from '../core/kinds';
import { dateFormat, formatGrams } from '../core/format';
import { t } from '../core/i18n';

const WIDTH = 320;
const HEIGHT = 132;
const PLOT = { left: 44, right: WIDTH - 4, top: 8, bottom: HEIGHT - 20 };

export const categoryLabel = (c: Category) => t(categoryMessageKey(c));

/** A week's first day as "Nov 3" / "11月3日" / "11月3日". */
function weekLabel(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return dateFormat(locale, { month: 'short', day: 'numeric' }).format(new Date(y, m - 1, d));
}

/** A round axis maximum at or above `max`: 1, 2 or 5 times a power of ten. */
export function niceMax(max: number): number {
  if (max <= 0) return 10;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((f) => f * power).find((v) => v >= max)!;
}

/** What the chart shows, in one sentence: the text alternative screen readers read first. */
export function chartSummary(weeks: readonly WeekTotals[], locale: string): string {
  const total = weeks.reduce((sum, w) => sum + w.grams, 0);
  if (total <= 0) return t('chartEmpty');
  const best = weeks.reduce((a, b) => (b.grams > a.grams ? b : a));
  return t('chartSummary', [formatGrams(total, locale), weekLabel(best.start, locale), formatGrams(best.grams, locale)]);
}

/**
 * Grams avoided per week, stacked by category, as plain SVG: twelve bars need no chart
 * library, and colours come from CSS variables so light and dark themes both read.
 * The summary sentence and a data table (behind a disclosure) are the text alternative.
 */
export function WeeklyChart({ weeks, locale }: { weeks: readonly WeekTotals[]; locale: string }) {
  const present = CATEGORIES.filter((c) => weeks.some((w) => w.byCategory[c].grams > 0));
  const max = niceMax(Math.max(0, ...weeks.map((w) => w.grams)));
  const slot = (PLOT.right - PLOT.left) / Math.max(1, weeks.length);
  const barWidth = slot * 0.7;
  const y = (grams: number) => PLOT.bottom - (Math.max(0, grams) / max) * (PLOT.bottom - PLOT.top);
  const summary = chartSummary(weeks, locale);
  return (
    <section class="card" aria-labelledby="chart-heading">
      <h2 id="chart-heading">{t('chartTitle')}</h2>
      <figure class="chart" data-testid="chart">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="chart-summary" preserveAspectRatio="xMidYMid meet">
          <line class="axis" x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} />
          <line class="grid" x1={PLOT.left} x2={PLOT.right} y1={PLOT.top} y2={PLOT.top} />
          <text class="tick" x={PLOT.left - 4} y={PLOT.top + 4} text-anchor="end">
            {formatGrams(max, locale)}
          </text>
          <text class="tick" x={PLOT.left - 4} y={PLOT.bottom} text-anchor="end">
            {formatGrams(0, locale)}
          </text>
          {weeks.map((week, i) => {
            const x = PLOT.left + i * slot + (slot - barWidth) / 2;
            let base = 0;
            return (
              <g key={week.start} data-week={week.start}>
                {present.map((c) => {
                  const grams = Math.max(0, week.byCategory[c].grams);
                  if (grams === 0) return null;
                  const top = y(base + grams);
                  const rect = <rect class={`bar cat-${c}`} data-category={c} x={x} y={top} width={barWidth} height={y(base) - top} />;
                  base += grams;
                  return rect;
                })}
                {(i % 4 === 0 || i === weeks.length - 1) && (
                  // The last label ends at its bar's right edge so it is not cut off.
                  <text
                    class="tick"
                    x={i === weeks.length - 1 ? x + barWidth : x + barWidth / 2}
                    y={HEIGHT - 6}
                    text-anchor={i === weeks.length - 1 ? 'end' : 'middle'}
                  >
                    {weekLabel(week.start, locale)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        <figcaption id="chart-summary">{summary}</figcaption>
      </figure>
      {present.length > 0 && (
        <>
          <ul class="legend" aria-label={t('chartLegend')}>
            {present.map((c) => (
              <li key={c}>
                <span class={`swatch cat-${c}`} aria-hidden="true" />
                {categoryLabel(c)}
              </li>
            ))}
          </ul>
          <details>
            <summary>{t('chartShowTable')}</summary>
            <table data-testid="chart-table">
              <thead>
                <tr>
                  <th scope="col">{t('colWeekOf')}</th>
                  {present.map((c) => (
                    <th scope="col" key={c}>
                      {categoryLabel(c)}
                    </th>
                  ))}
                  <th scope="col">{t('colTotal')}</th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.start}>
                    <th scope="row">{weekLabel(w.start, locale)}</th>
                    {present.map((c) => (
                      <td key={c}>{formatGrams(w.byCategory[c].grams, locale)}</td>
                    ))}
                    <td>{formatGrams(w.grams, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
