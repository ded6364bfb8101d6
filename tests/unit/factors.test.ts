import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACTORS, factorFor, METHODOLOGY_VERSION, pointsFor, SECOND_HAND_DETAILS } from '../../src/carbon/factors';
import { CHOICE_KINDS } from '../../src/core/kinds';

const doc = readFileSync(resolve(__dirname, '../../docs/methodology.md'), 'utf8');
const rows = doc
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| kind'))
  .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
const listedSources = new Set([...doc.matchAll(/^- ([SE]\d+) .+(https?:\/\/|repo )/gm)].map((m) => m[1]));

describe('methodology', () => {
  it('has a factor for every choice kind and every second-hand category', () => {
    for (const kind of CHOICE_KINDS) expect(FACTORS.some((f) => f.kind === kind), kind).toBe(true);
    for (const detail of SECOND_HAND_DETAILS) expect(factorFor('second-hand', detail).detail).toBe(detail);
  });

  it.each(FACTORS.map((f) => [`${f.kind}/${f.detail ?? ''}`, f] as const))('%s has sources, a sane range and a row in docs/methodology.md', (_name, f) => {
    expect(f.sources.length).toBeGreaterThan(0);
    for (const id of f.sources) expect(listedSources, `${id} in the Sources list`).toContain(id);
    expect(f.grams.low).toBeLessThanOrEqual(f.grams.central);
    expect(f.grams.central).toBeLessThanOrEqual(f.grams.high);
    expect(f.note.length).toBeGreaterThan(20);
    const row = rows.find((r) => r[0] === f.kind && r[1] === (f.detail ?? '—'));
    expect(row, 'row in docs/methodology.md').toBeDefined();
    expect(row!.slice(2, 6)).toEqual([String(f.grams.central), String(f.grams.low), String(f.grams.high), f.sources.join(', ')]);
  });

  it('has no row in the document that the code does not have', () => {
    for (const [kind, detail] of rows) {
      expect(FACTORS.some((f) => f.kind === kind && (f.detail ?? '—') === detail), `${kind}/${detail}`).toBe(true);
    }
  });

  it('states the version the code uses', () => {
    expect(doc).toContain(`**${METHODOLOGY_VERSION}**`);
  });

  it('scores second-hand as production emissions × substitution rate', () => {
    // ADEME: a new laptop ≈182 kg; the phone's central rate is 50 of 85 kg.
    expect(factorFor('second-hand', 'laptop').grams.central).toBe(Math.round((182_000 * 50) / 85));
    expect(factorFor('second-hand', 'book').grams.central).toBe(Math.round(796 * 0.39));
    // an unknown or missing category is scored as 'other'
    expect(factorFor('second-hand', 'kayak')).toBe(factorFor('second-hand', 'other'));
    expect(factorFor('second-hand')).toBe(factorFor('second-hand', 'other'));
  });

  it('credits a pickup point nothing unless it is walked, and never gives negative points', () => {
    expect(factorFor('pickup-point').grams.central).toBe(0);
    expect(factorFor('pickup-point').grams.low).toBeLessThan(0);
    expect(factorFor('pickup-point', 'walked').grams.central).toBe(350);
    expect(pointsFor(-640)).toBe(0);
    expect(pointsFor(15.4)).toBe(15);
  });
});
