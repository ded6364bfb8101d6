import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/core/i18n';
import { CATEGORIES, categoryMessageKey, CHOICE_KINDS, kindMessageKey } from '../../src/core/kinds';
import { packaged } from '../helpers/locales';

describe('the shipped locales', () => {
  it('label every choice kind and every category in every language', async () => {
    for (const locale of LOCALES) {
      const messages = await packaged(locale);
      for (const key of [...CHOICE_KINDS.map(kindMessageKey), ...CATEGORIES.map(categoryMessageKey)]) {
        expect(messages[key]?.message.trim(), `${locale}: ${key}`).toBeTruthy();
      }
    }
  });

  it('have the same keys in every language, kept in sorted order', async () => {
    const [first, ...others] = await Promise.all(LOCALES.map(packaged));
    const keys = Object.keys(first);
    expect(keys).toEqual([...keys].sort());
    for (const [i, messages] of others.entries()) expect(Object.keys(messages), LOCALES[i + 1]).toEqual(keys);
  });
});
