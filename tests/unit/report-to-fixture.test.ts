import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../src/platforms/index';
import { readingReport } from '../../src/report/collect';
import type { ReadingReport } from '../../src/report/format';
import { buildCase, readHtml, type ReportCase } from '../../scripts/report-to-fixture';
import { htmlPage } from '../helpers/page';

const ROOT = resolve(import.meta.dirname, '../..');
const CAPTURE = 'tests/fixtures/real/amazon/amazon-us-checkout-std-vs-expedited-2017-11-16.html';
const CAPTURE_URL = 'https://www.amazon.com/gp/buy/spc/handlers/display.html?hasWorkingJavascript=1';

function captureReport(): { report: ReadingReport; reading: ReturnType<typeof detectPage> } {
  const { url, doc } = htmlPage(readFileSync(resolve(ROOT, CAPTURE), 'utf8'), CAPTURE_URL);
  return { report: { ...readingReport(url, doc)!, note: 'I chose standard shipping' }, reading: detectPage(url, doc) };
}

describe('npm run report-to-fixture', () => {
  it('turns the report of a real Amazon capture into a fixture that reads the same as the capture', () => {
    const { report, reading } = captureReport();
    expect(reading?.observations).toEqual([{ kind: 'slow-shipping' }]);
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
    const out = execFileSync('npm', ['run', '--silent', 'report-to-fixture', join(dir, 'report.json'), '--', '--out', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('reads as the report says');

    const [caseFile] = readdirSync(join(dir, 'tests/fixtures/reports/cases'));
    const testCase = JSON.parse(readFileSync(join(dir, 'tests/fixtures/reports/cases', caseFile), 'utf8')) as ReportCase;
    expect(testCase).toMatchObject({ builtFrom: 'reading report', url: 'https://www.amazon.com/gp/buy/spc/handlers/display.html', report });
    const html = readFileSync(join(dir, 'tests/fixtures/pages', testCase.fixture), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<!-- Built from a reading report: amazon checkout/);
    expect(readHtml(html, testCase.url)).toEqual(reading);
  });

  it('the rebuilt page reads differently when the reported state differs (the fixture follows the report)', () => {
    const { report } = captureReport();
    const flipped = report.controls.map((c) => (c.group === 1 ? { ...c, selected: !c.selected } : c));
    const built = buildCase({ ...report, controls: flipped }, new Date(0));
    expect(readHtml(built.html, built.testCase.url)?.observations).toEqual([]);
    expect(built.readsAsReported).toBe(false);
  });

  it('refuses a file that is not a report, saying where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ report: 'carbon-account-reading', format: 1, note: 'call 555 0100' }));
    expect(() => execFileSync('npm', ['run', '--silent', 'report-to-fixture', join(dir, 'bad.json')], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' })).toThrow(
      /not a reading report at extension/,
    );
  });
});
