import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import type { Observation } from '../../src/core/kinds';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/pages');

/** A fixture page loaded at its real address, with its styles applied (scripts do not run). */
export function loadPage(file: string, url: string): { url: URL; doc: Document; window: Window } {
  const html = readFileSync(resolve(FIXTURES, file), 'utf8');
  return htmlPage(html, url);
}

export function htmlPage(html: string, url: string): { url: URL; doc: Document; window: Window } {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return { url: new URL(url), doc: window.document as unknown as Document, window };
}

/**
 * A reading with each observation cut down to what the fixture cases state (kind and detail):
 * the option's words and default state are checked by their own tests (tests/unit/choice-words.test.ts).
 */
export function kindsOnly<T extends { observations: Observation[] } | null | undefined>(reading: T): T {
  if (!reading) return reading;
  return { ...reading, observations: reading.observations.map(({ kind, detail }) => ({ kind, ...(detail ? { detail } : {}) })) };
}
