import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportCase } from '../../scripts/report-to-fixture';
import { readHtml } from '../../scripts/report-to-fixture';
import { parseReport } from '../../src/report/format';
import { FIXTURES } from '../helpers/page';

/** Cases `npm run report-to-fixture` made from shoppers' reading reports (docs/reading-reports.md). */
const DIR = resolve(import.meta.dirname, '../fixtures/reports/cases');
const cases = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : [];

describe('built from reading reports', () => {
  it('has at least the example case', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases)('%s', (file) => {
    const c = JSON.parse(readFileSync(resolve(DIR, file), 'utf8')) as ReportCase;
    expect(c.builtFrom).toBe('reading report');
    expect(parseReport(c.report).ok).toBe(true);
    expect(readHtml(readFileSync(resolve(FIXTURES, c.fixture), 'utf8'), c.url)).toEqual(c.expected);
  });
});
