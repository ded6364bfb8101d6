import type { Category, ChoiceKind, PageReading } from '../core/kinds';

/** What one platform file declares: where it runs and how to read its pages. */
export interface Platform {
  id: string;
  name: string;
  category: Category;
  /** host names the platform owns; subdomains of each are owned too */
  hosts: readonly string[];
  kinds: readonly ChoiceKind[];
  /** Pure and synchronous: reads the page as a person would. */
  detect(url: URL, doc: Document): Omit<PageReading, 'platform'>;
  /**
   * The display name or masked account id a signed-in page shows, for "linked as …" in
   * Options. Reads visible page text only: never a password, cookie, token or storage.
   */
  identity?(url: URL, doc: Document): string | undefined;
}
