// @vitest-environment node
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') });

async function problems(code: string, file = 'src/ui/example.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

it.each([
  ['innerHTML from page data', 'export function f(el: Element, name: string) { el.innerHTML = name; }'],
  ['insertAdjacentHTML', "export function f(el: Element) { el.insertAdjacentHTML('beforeend', '<b>x</b>'); }"],
  ['dangerouslySetInnerHTML', 'export const C = (p: { h: string }) => <div dangerouslySetInnerHTML={{ __html: p.h }} />;'],
  ['eval', "export const x = eval('1');"],
  ['new Function', "export const f = new Function('return 1');"],
  ['document.write', "export function f() { document.write('x'); }"],
])('the source rules refuse %s', async (_name, code) => {
  expect((await problems(code)).length).toBeGreaterThan(0);
});

it('the source rules accept building DOM from text', async () => {
  expect(await problems('export function f(el: Element, name: string) { el.textContent = name; }')).toEqual([]);
});
