import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACTORS } from '../../src/carbon/factors';
import { SOURCES, sourceById } from '../../src/carbon/sources';
import { EQUIVALENTS } from '../../src/ui/equivalents';

const doc = readFileSync(resolve(__dirname, '../../docs/methodology.md'), 'utf8');
const listed = new Map([...doc.matchAll(/^- ([SE]\d+) .+? — (.+)$/gm)].map((m) => [m[1], m[2]]));

describe('sources the extension can open', () => {
  it('has every source a factor or an equivalent cites, with a title, publisher and address', () => {
    for (const id of [...FACTORS.flatMap((f) => f.sources), ...EQUIVALENTS.flatMap((e) => e.sources)]) {
      const source = sourceById(id);
      expect(source, id).toBeDefined();
      expect(source!.title.length, id).toBeGreaterThan(5);
      expect(source!.publisher.length, id).toBeGreaterThan(2);
    }
  });

  it('matches docs/methodology.md: the same ids, each address the first one the document gives', () => {
    expect(new Set(SOURCES.map((s) => s.id))).toEqual(new Set(listed.keys()));
    for (const s of SOURCES) expect(listed.get(s.id)!.split(' · ')[0], s.id).toBe(s.address);
  });
});
