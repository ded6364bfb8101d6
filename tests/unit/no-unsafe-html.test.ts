import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

it('no source writes HTML from strings or evaluates code', () => {
  for (const file of [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'entrypoints'))]) {
    const code = readFileSync(file, 'utf8');
    expect(code, file).not.toMatch(/\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/);
    expect(code, file).not.toMatch(/\beval\(|new Function\(/);
  }
});
