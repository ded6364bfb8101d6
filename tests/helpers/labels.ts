import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChoiceKind, PageReading } from '../../src/core/kinds';

/** Where the real captures live; each folder with a `labels.json` says how each page must read. */
export const REAL = resolve(import.meta.dirname, '../fixtures/real');
const LABELLED = ['labels.json', 'amazon/labels.json'];

/**
 * What a correct reading of a page finds: every `must` kind, nothing outside must ∪ may, and
 * the order number the page shows where `orderRef` is given.
 */
export interface Label {
  /** path under tests/fixtures/real */
  file: string;
  url: string;
  platform: string;
  must: ChoiceKind[];
  may: ChoiceKind[];
  orderRef?: string;
  why: string;
}

/** Every labelled real page. */
export function realLabels(): Label[] {
  return LABELLED.flatMap((path) => {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    const { cases } = JSON.parse(readFileSync(resolve(REAL, path), 'utf8')) as { cases: Label[] };
    return cases.map((c) => ({ ...c, file: dir + c.file }));
  });
}

export const realHtml = (label: Pick<Label, 'file'>): string => readFileSync(resolve(REAL, label.file), 'utf8');

/**
 * Captures today's detector still misreads, each fixed by a later commit of issue 15 (the tests
 * expect them to fail until then, so the list can only shrink).
 */
export const STILL_MISREAD = new Set([
  'amazon/amazon-ca-order-details-2024-b.html',
]);

/** What is wrong with a reading against its label; empty when it reads right. */
export function misreadings(reading: PageReading | null, label: Pick<Label, 'platform' | 'must' | 'may' | 'orderRef'>): string[] {
  if (!reading) return ['no reading (not the platform)'];
  const problems: string[] = [];
  if (reading.platform !== label.platform) problems.push(`platform ${reading.platform}, not ${label.platform}`);
  const read = new Set(reading.observations.map((o) => o.kind));
  for (const kind of label.must) if (!read.has(kind)) problems.push(`missed ${kind}`);
  for (const kind of read) if (!label.must.includes(kind) && !label.may.includes(kind)) problems.push(`false ${kind}`);
  if (label.orderRef !== undefined && reading.order?.ref !== label.orderRef) {
    problems.push(`order ${reading.order?.ref ?? 'none'}, not ${label.orderRef}`);
  }
  return problems;
}
