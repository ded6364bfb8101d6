import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locale, Messages } from '../../src/core/i18n';

/** A locale's messages.json as the extension packages it (public/_locales), read from disk. */
export const packaged = async (locale: Locale): Promise<Messages> =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
