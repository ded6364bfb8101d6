/**
 * npm run report-to-fixture REPORT.json [--out DIR]
 *
 * Turns a shopper's reading report into a minimal fixture page and a test case marked as built
 * from a report (docs/reading-reports.md). The page is served, in the test, at the first
 * address that reads as the reported page type; the case expects what the report says was
 * read, until you set what the shopper says was right.
 */
import '../tests/setup/happy-dom-enabled';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { detectCustomShop } from '../src/detect/generic';
import { detectPage } from '../src/platforms/index';
import type { PageReading } from '../src/core/kinds';
import { parseReport, type ReadingReport } from '../src/report/format';
import { candidateUrls, fixtureHtml, reportSlug } from './report-fixture';

export interface ReportCase {
  builtFrom: 'reading report';
  /** the fixture page, relative to tests/fixtures/pages */
  fixture: string;
  url: string;
  expected: PageReading;
  report: ReadingReport;
}

/** How the extension reads `html` at `url`, in happy-dom. */
export function readHtml(html: string, url: string): PageReading | null {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  window.document.write(html);
  const doc = window.document as unknown as Document;
  const at = new URL(url);
  const reading = detectPage(at, doc) ?? detectCustomShop(at, doc);
  void window.happyDOM.close();
  return reading;
}

/** The fixture and case files for a report; throws with what is wrong when it cannot be made. */
export function buildCase(report: ReadingReport, now: Date): { file: string; html: string; testCase: ReportCase; readsAsReported: boolean } {
  const html = fixtureHtml(report);
  for (const url of candidateUrls(report)) {
    const reading = readHtml(html, url);
    if (reading?.platform !== report.platform || reading.page !== report.page) continue;
    const folder = report.platform.startsWith('custom:') ? 'custom-shop' : report.platform;
    const file = `${folder}/from-report-${reportSlug(report, now)}.html`;
    const expected: PageReading = { platform: report.platform, page: report.page, observations: report.read };
    const readsAsReported = JSON.stringify(reading.observations) === JSON.stringify(report.read);
    return { file, html, testCase: { builtFrom: 'reading report', fixture: file, url, expected, report }, readsAsReported };
  }
  throw new Error(`no address at ${report.url.host}${report.url.path} reads as a ${report.platform} ${report.page}; write the fixture's URL by hand`);
}

function main(args: string[]): void {
  const out = args.includes('--out') ? resolve(args[args.indexOf('--out') + 1]) : resolve(import.meta.dirname, '..');
  const input = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
  if (!input) throw new Error('usage: npm run report-to-fixture REPORT.json [--out DIR]');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(input, 'utf8'));
  } catch (error) {
    throw new Error(`${input} is not a JSON file: ${(error as Error).message}`);
  }
  const parsed = parseReport(json);
  if (!parsed.ok) throw new Error(`${input}: ${parsed.reason}`);
  const built = buildCase(parsed.report, new Date());
  const page = resolve(out, 'tests/fixtures/pages', built.file);
  const caseFile = resolve(out, 'tests/fixtures/reports/cases', `${built.file.replace(/\//g, '-').replace(/\.html$/, '')}.json`);
  for (const [path, text] of [[page, built.html], [caseFile, `${JSON.stringify(built.testCase, null, 2)}\n`]]) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${relative(process.cwd(), path)}`);
  }
  console.log(
    built.readsAsReported
      ? `The fixture reads as the report says (${JSON.stringify(built.testCase.expected.observations)}). Set "expected" in the case to what the shopper says is right, see tests/unit/report-cases.test.ts fail, then fix the reading.`
      : 'Warning: the fixture does not read as the report says; the report may come from another version. Compare before you rely on it.',
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
