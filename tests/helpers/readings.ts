import { detectPage, PLATFORMS } from '../../src/platforms/index';
import type { ChoiceKind, PageReading } from '../../src/core/kinds';
import { CASES } from '../unit/platform-cases';
import { misreadings, realHtml, realLabels, type Label } from './labels';
import { htmlPage, loadPage } from './page';

/** How well one group of pages reads: pages read right, and recall and precision over kinds. */
export interface Figures {
  pages: number;
  right: number;
  /** kinds a correct reading must find, and how many of them were found */
  must: number;
  found: number;
  /** kinds read, and how many of them were allowed (must ∪ may) */
  read: number;
  allowed: number;
}

export interface PlatformReadings {
  platform: string;
  real: Figures;
  modelled: Figures;
}

const none = (): Figures => ({ pages: 0, right: 0, must: 0, found: 0, read: 0, allowed: 0 });

function add(figures: Figures, reading: PageReading | null, label: Pick<Label, 'platform' | 'must' | 'may' | 'orderRef'>, right: boolean): void {
  const kinds = new Set<ChoiceKind>(reading?.observations.map((o) => o.kind) ?? []);
  figures.pages++;
  if (right) figures.right++;
  figures.must += label.must.length;
  figures.found += label.must.filter((k) => kinds.has(k)).length;
  figures.read += kinds.size;
  figures.allowed += [...kinds].filter((k) => label.must.includes(k) || label.may.includes(k)).length;
}

const sorted = (r: PageReading | null) => r && { ...r, observations: [...r.observations].sort((a, b) => a.kind.localeCompare(b.kind)) };

/**
 * Every platform's readings on its real captures (judged by their labels) and on its modelled
 * fixture pages (judged by their cases: the exact reading, so a page is right only when all of
 * it is; recall and precision count its kinds like a label with nothing arguable).
 */
export function readings(): PlatformReadings[] {
  const out = new Map(PLATFORMS.map((p) => [p.id, { platform: p.id, real: none(), modelled: none() }]));
  for (const label of realLabels()) {
    const { url, doc } = htmlPage(realHtml(label), label.url);
    const reading = detectPage(url, doc);
    add(out.get(label.platform)!.real, reading, label, misreadings(reading, label).length === 0);
  }
  for (const c of CASES) {
    const { url, doc } = loadPage(c.file, c.url);
    const reading = detectPage(url, doc);
    const must = c.expected.observations.map((o) => o.kind);
    const right = JSON.stringify(sorted(reading)) === JSON.stringify(sorted(c.expected));
    add(out.get(c.expected.platform)!.modelled, reading, { platform: c.expected.platform, must, may: [] }, right);
  }
  return [...out.values()];
}

const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)}%` : '–');

/** One group's figures as table cells: pages (right), recall, precision. */
export function cells(f: Figures): string[] {
  return [f.pages ? `${f.pages} (${f.right} right)` : '0', percent(f.found, f.must), percent(f.allowed, f.read)];
}

/** The readings as a Markdown table, with a total row. */
export function readingsTable(rows: PlatformReadings[]): string {
  const total = { platform: 'all', real: none(), modelled: none() };
  for (const row of rows) {
    for (const group of ['real', 'modelled'] as const) {
      for (const key of Object.keys(total[group]) as (keyof Figures)[]) total[group][key] += row[group][key];
    }
  }
  const lines = [
    '| platform | real pages | recall | precision | modelled pages | recall | precision |',
    '|---|---|---|---|---|---|---|',
    ...[...rows, total].map((r) => `| ${r.platform} | ${[...cells(r.real), ...cells(r.modelled)].join(' | ')} |`),
  ];
  return lines.join('\n');
}
