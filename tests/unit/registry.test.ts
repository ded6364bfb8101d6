import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/platforms/index';
import { CATEGORIES, CHOICE_KINDS } from '../../src/core/kinds';

const DIR = resolve(import.meta.dirname, '../../src/platforms');
const NOT_PLATFORMS = new Set(['index.ts', 'types.ts', 'hosts.ts', 'links.ts']);

describe('platform registry', () => {
  it('lists every platform file exactly once, and nothing else', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !NOT_PLATFORMS.has(f));
    const index = readFileSync(resolve(DIR, 'index.ts'), 'utf8');
    for (const file of files) expect(index, file).toContain(`from './${file.replace(/\.ts$/, '')}'`);
    expect(PLATFORMS.length).toBe(files.length);
  });

  it('has unique ids and hosts, known categories and kinds', () => {
    expect(new Set(PLATFORMS.map((p) => p.id)).size).toBe(PLATFORMS.length);
    const hosts = PLATFORMS.flatMap((p) => p.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const p of PLATFORMS) {
      expect(CATEGORIES).toContain(p.category);
      expect(p.kinds.length).toBeGreaterThan(0);
      for (const k of p.kinds) expect(CHOICE_KINDS).toContain(k);
      for (const h of p.hosts) expect(h).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    }
  });

  it('gives every platform a positive and a negative fixture page', () => {
    const fixtures = resolve(import.meta.dirname, '../fixtures/pages');
    for (const p of PLATFORMS) {
      const pages = readdirSync(resolve(fixtures, p.id));
      expect(pages.length, p.id).toBeGreaterThanOrEqual(3);
    }
  });
});
