import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as lexicon from '../../src/detect/lexicon';
import { hasLetter, LEXICON, NEGATIONS, normalize, SHIPPING_SPEED } from '../../src/detect/lexicon';
import { detectPage, platformById, PLATFORMS } from '../../src/platforms/index';
import { CHOICE_KINDS, type PageReading } from '../../src/core/kinds';
import { FIXTURES, htmlPage } from '../helpers/page';
import { CASES } from './platform-cases';

const DETAILS = ['clothing', 'phone', 'laptop', 'book', 'furniture', 'other'];
const AFFIRM = Object.values(LEXICON).flatMap((k) => k.affirm);
const DECLINE = Object.values(LEXICON).flatMap((k) => k.decline ?? []);
const PHRASE = fc.constantFrom(...AFFIRM, ...DECLINE);
const TEXT = fc.oneof(PHRASE, fc.string({ maxLength: 30 }), fc.constantFrom('Standard', 'Express', '通常配送', 'お急ぎ便', 'Used', '二手'));

/** A reading has the contract's shape, and only kinds its platform declares. */
function wellFormed(reading: PageReading | null): void {
  if (!reading) return;
  const platform = platformById(reading.platform)!;
  expect(['checkout', 'confirmation', 'other']).toContain(reading.page);
  expect(new Set(reading.observations.map((o) => o.kind)).size).toBe(reading.observations.length);
  for (const o of reading.observations) {
    expect(CHOICE_KINDS).toContain(o.kind);
    expect(platform.kinds).toContain(o.kind);
    if (o.kind === 'second-hand') expect(DETAILS).toContain(o.detail);
  }
  if (reading.page !== 'checkout') expect(reading.observations).toEqual([]);
}

/** One random element of a checkout-like tree. */
type Node = { tag: string; attrs: [string, string][]; text: string; children: Node[] };
const ATTR: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(fc.constantFrom('role'), fc.constantFrom('switch', 'checkbox', 'radio', 'option', 'tab', 'radiogroup', 'button', 'heading')),
  fc.tuple(fc.constantFrom('aria-checked', 'aria-pressed', 'aria-selected', 'aria-hidden', 'aria-disabled'), fc.constantFrom('true', 'false', '', 'mixed')),
  fc.tuple(fc.constantFrom('aria-label', 'name', 'value', 'id', 'data-testid', 'data-test-id', 'data-qa'), TEXT),
  fc.tuple(fc.constantFrom('aria-labelledby', 'for'), fc.constantFrom('a', 'b', 'a b', 'missing', '')),
  fc.tuple(fc.constantFrom('type'), fc.constantFrom('checkbox', 'radio', 'hidden', 'submit', 'text')),
  fc.tuple(fc.constantFrom('checked', 'selected', 'hidden', 'disabled'), fc.constant('')),
  fc.tuple(fc.constantFrom('style'), fc.constantFrom('display:none', 'visibility:hidden', 'color:red', '')),
  fc.tuple(fc.constantFrom('class'), fc.constantFrom('hide', 'curr', 'mode-tab-item', 'item-title', 'x')),
);
function nodeOf(depth: number): fc.Arbitrary<Node> {
  return fc.record({
    tag: fc.constantFrom('div', 'span', 'label', 'input', 'button', 'select', 'option', 'li', 'ul', 'fieldset', 'legend', 'h1', 'h2', 'p', 'section'),
    attrs: fc.array(ATTR, { maxLength: 4 }),
    text: TEXT,
    children: depth > 0 ? fc.array(nodeOf(depth - 1), { maxLength: 3 }) : fc.constant([]),
  });
}
const NODE = nodeOf(3);

function build(doc: Document, node: Node): Element {
  const el = doc.createElement(node.tag);
  for (const [k, v] of node.attrs) el.setAttribute(k, v);
  if (node.text) el.append(node.text);
  for (const child of node.children) el.append(build(doc, child));
  return el;
}

const CHECKOUT_URLS = PLATFORMS.flatMap((p) => CASES.filter((c) => c.expected.platform === p.id).map((c) => c.url));

describe('robustness', () => {
  it('normalize is NFKC, lowercase and collapsed white space, and hasLetter is a Unicode letter test, on any text, their ASCII shortcuts included', () => {
    const plain = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, ' ').trim();
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(' ', 'a', 'B', '-', '1') }),
      fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u3000', '\u00a0', 'A', 'z', 'Ｎ', 'é', '。') }),
      fc.string({ unit: 'grapheme' }),
    );
    fc.assert(fc.property(text, (t) => normalize(t) === plain(t) && hasLetter(t) === /\p{L}/u.test(t)), { numRuns: 3000 });
  });

  it('every phrase and word of the lexicon is written normalized, as the readers compare them unchanged', () => {
    const unnormalized: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        if (normalize(value) !== value) unnormalized.push(`${path}: ${value}`);
      } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
    };
    for (const [name, value] of Object.entries(lexicon)) if (typeof value !== 'function') visit(value, name);
    expect(unnormalized).toEqual([]);
  });

  it('every lexicon phrase has a letter, so a name without one (a quantity) is skipped unread', () => {
    const phrases = [...AFFIRM, ...DECLINE, ...Object.values(SHIPPING_SPEED).flat()];
    expect(phrases.filter((p) => !/\p{L}/u.test(p))).toEqual([]);
  });

  it('never throws on thousands of generated pages, and reads them in the contract’s shape', () => {
    const { window } = htmlPage('<!doctype html><html><head><title>x</title></head><body></body></html>', 'https://example.com/');
    const doc = window.document as unknown as Document;
    fc.assert(
      fc.property(fc.constantFrom(...CHECKOUT_URLS), fc.array(NODE, { maxLength: 6 }), TEXT, (address, nodes, title) => {
        doc.body.replaceChildren(...nodes.map((n) => build(doc, n)));
        doc.title = title;
        wellFormed(detectPage(new URL(address), doc));
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  /** Changes that must not turn a page with nothing chosen into one with a choice. */
  type Mutation = (doc: Document, at: Element, phrase: string) => (() => void) | void;
  const hide = (el: Element, how: number) => {
    if (how === 0) el.setAttribute('hidden', '');
    else if (how === 1) el.setAttribute('style', 'display:none');
    else if (how === 2) el.setAttribute('aria-hidden', 'true');
    else el.setAttribute('style', 'visibility:hidden');
  };
  const control = (doc: Document, type: string, label: string, checked: boolean) => {
    const wrap = doc.createElement('label');
    const input = doc.createElement('input');
    input.type = type;
    input.checked = checked;
    wrap.append(input, label);
    return { wrap, input };
  };
  const MUTATIONS: Record<string, (how: number) => Mutation> = {
    'a phrase as plain text': (how) => (doc, at, phrase) => {
      const el = doc.createElement(['p', 'div', 'span', 'li', 'small'][how % 5]);
      el.textContent = phrase;
      at.append(el);
    },
    'a hidden, ticked box named by an affirming phrase': (how) => (doc, at, phrase) => {
      const { wrap } = control(doc, how % 2 ? 'checkbox' : 'radio', phrase, true);
      hide(wrap, how % 4);
      at.append(wrap);
    },
    'a disabled, ticked box named by an affirming phrase': () => (doc, at, phrase) => {
      const { wrap, input } = control(doc, 'checkbox', phrase, true);
      input.disabled = true;
      at.append(wrap);
    },
    'a ticked box in a disabled fieldset, named by an affirming phrase': () => (doc, at, phrase) => {
      const fieldset = doc.createElement('fieldset');
      fieldset.disabled = true;
      fieldset.append(control(doc, 'checkbox', phrase, true).wrap);
      at.append(fieldset);
    },
    'the chosen option of a disabled select, named by an affirming phrase': () => (doc, at, phrase) => {
      const select = doc.createElement('select');
      select.disabled = true;
      for (const text of ['Standard', phrase]) select.append(Object.assign(doc.createElement('option'), { textContent: text }));
      select.selectedIndex = 1;
      at.append(select);
    },
    'an unticked box named by an affirming phrase': (how) => (doc, at, phrase) => {
      at.append(control(doc, how % 2 ? 'checkbox' : 'radio', phrase, false).wrap);
    },
    'a ticked box named by a declining phrase': () => (doc, at) => {
      at.append(control(doc, 'checkbox', 'Add cutlery / 需要购物袋 / レジ袋を希望', true).wrap);
    },
    'a negated affirming phrase, ticked': (how) => (doc, at, phrase) => {
      const label = how % 2 ? `don't use ${phrase}` : `${phrase}を利用しない`;
      at.append(control(doc, 'checkbox', label, true).wrap);
    },
    'noise classes and data attributes on the block around': (how) => (_doc, at) => {
      const around = at.parentElement!;
      const had = around.getAttribute('class');
      around.classList.add(`sc-${how}xyz`, 'css-1q2w3e');
      around.setAttribute('data-reactid', String(how));
      return () => {
        if (had === null) around.removeAttribute('class');
        else around.setAttribute('class', had);
        around.removeAttribute('data-reactid');
      };
    },
  };

  /**
   * Where mutations go: the body and blocks with more text than any control's name, so added
   * text lands beside the page's options, never inside what names one.
   */
  const containers = (doc: Document) => [
    doc.body,
    ...Array.from(doc.body.querySelectorAll('div, section, main, aside, form, fieldset, ul')).filter(
      (el) => (el.textContent ?? '').length > 300,
    ),
  ];

  it('never turns a page with nothing chosen into one with a choice, over thousands of mutations', () => {
    const negatives = CASES.filter((c) => c.expected.observations.length === 0 && c.expected.page !== 'confirmation').map((c) => {
      const { url, doc } = htmlPage(readFileSync(resolve(FIXTURES, c.file), 'utf8'), c.url);
      return { c, url, doc, elements: containers(doc) };
    });
    const negations = [...NEGATIONS.before, ...NEGATIONS.after];
    const affirming = AFFIRM.filter(
      (p) => !negations.some((w) => (/^[a-z]/.test(w) ? new RegExp(`(^|[^a-z])${w}([^a-z]|$)`).test(p) : p.includes(w))),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: negatives.length - 1 }),
        fc.array(
          fc.tuple(fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(), fc.nat(), fc.constantFrom(...affirming)),
          { minLength: 1, maxLength: 4 },
        ),
        (which, steps) => {
          const { c, url, doc, elements } = negatives[which];
          const undo: (() => void)[] = [];
          try {
            for (const [name, how, where, phrase] of steps) {
              const block = doc.createElement('div');
              elements[where % elements.length].append(block);
              undo.push(() => block.remove());
              const revert = MUTATIONS[name](how)(doc, block, phrase);
              if (revert) undo.push(revert);
            }
            const reading = detectPage(url, doc);
            wellFormed(reading);
            expect(reading?.observations, c.file).toEqual([]);
          } finally {
            for (const revert of undo.reverse()) revert();
          }
        },
      ),
      { numRuns: 2500 },
    );
  }, 60_000);
});
