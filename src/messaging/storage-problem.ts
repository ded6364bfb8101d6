import * as v from 'valibot';

/**
 * The notice the background leaves in `storage.session` while the ledger cannot be written
 * (the browser's storage is full), and the popup shows.
 */
export const STORAGE_PROBLEM_KEY = 'storageProblem';

const StorageProblemSchema = v.object({ at: v.number(), platform: v.string() });
export type StorageProblem = v.InferOutput<typeof StorageProblemSchema>;

/** The stored notice as the popup reads it; anything malformed is no notice. */
export function asStorageProblem(value: unknown): StorageProblem | undefined {
  const parsed = v.safeParse(StorageProblemSchema, value);
  return parsed.success ? { at: parsed.output.at, platform: parsed.output.platform } : undefined;
}
