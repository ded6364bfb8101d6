import type { Category } from '../core/kinds';
import type { PlatformSpec } from '../detect/page';

/**
 * What one platform file declares: plain data (hosts, kinds, routes, hints and facts) that the one
 * engine in src/detect/page.ts reads, with its id, name and category.
 */
export interface Platform extends PlatformSpec {
  id: string;
  name: string;
  category: Category;
  /**
   * The display name or masked account id a signed-in page shows, for "linked as …" in
   * Options. Reads visible page text only: never a password, cookie, token or storage.
   */
  identity?(url: URL, doc: Document): string | undefined;
}
