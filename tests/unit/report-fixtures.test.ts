import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingReport } from '../../src/report/collect';
import { parseReport } from '../../src/report/format';
import { FIXTURES, htmlPage } from '../helpers/page';
import { PERSONAL_DATA_NOTE, PERSONAL_DATA_PAGE, PLANTED } from '../helpers/planted';
import { CASES } from './platform-cases';

const EXPECTED = resolve(import.meta.dirname, '../fixtures/reports/expected');

/**
 * The report of every fixture page, checked in (tests/fixtures/reports/expected): a change in
 * what a report holds shows in review. Versions are left out, so a version bump changes none.
 */
describe('the reading report of each fixture page', () => {
  it.each(CASES.map((c) => [c.file, c]))('%s', async (file, c) => {
    const { url, doc } = htmlPage(readFileSync(resolve(FIXTURES, c.file), 'utf8'), c.url);
    const report = readingReport(url, doc)!;
    expect(parseReport(report).ok).toBe(true);
    const byKind = (o: { kind: string }[]) => [...o].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(byKind(report.read)).toEqual(byKind(c.expected.observations));
    const { extension, methodology, ...stable } = report;
    expect([extension, methodology].every(Boolean)).toBe(true);
    await expect(`${JSON.stringify(stable, null, 2)}\n`).toMatchFileSnapshot(resolve(EXPECTED, file.replace(/\.html$/, '.json')));
  });
});

describe('the page full of personal data the end-to-end test reads', () => {
  it('gives the checked-in report, holding none of that data', async () => {
    const { url, doc } = htmlPage(readFileSync(resolve(FIXTURES, PERSONAL_DATA_PAGE), 'utf8'), 'https://www.ubereats.com/checkout');
    const report = { ...readingReport(url, doc)!, placeOrderPressed: true, note: PERSONAL_DATA_NOTE };
    expect(report.read).toEqual([{ kind: 'no-cutlery' }]);
    const text = JSON.stringify(report);
    for (const secret of PLANTED) expect(text, secret).not.toContain(secret);
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot(resolve(EXPECTED, '../e2e/ubereats-checkout-personal-data.json'));
  });
});
