import * as v from 'valibot';
import { CODE_PATTERN } from '../core/voucher-code';

/** What a provider endpoint answers (docs/rewards.md): one code, and optionally when it expires. */
const IssuedSchema = v.object({
  code: v.pipe(v.string(), v.regex(CODE_PATTERN)),
  expiresAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
});

export type ProviderProblem = 'provider-timeout' | 'provider-unreachable' | 'provider-refused' | 'provider-garbage';

export type IssueResult = { ok: true; code: string; expiresAt?: number } | { ok: false; reason: ProviderProblem; detail: string };

/** A provider's answer is a few dozen bytes; anything much larger is not one. */
const MAX_ANSWER_BYTES = 4096;
export const PROVIDER_TIMEOUT_MS = 10_000;

/**
 * Asks a provider endpoint for a code: POST {rewardId, requestId} as JSON. The requestId lets
 * the provider answer a retried request with the same code. No cookies, no referrer, no
 * redirects; a slow, failing or malformed answer is an error and nothing else happens.
 */
export async function requestCode(
  url: string,
  body: { rewardId: string; requestId: string },
  fetchFn: typeof fetch,
  timeoutMs = PROVIDER_TIMEOUT_MS,
): Promise<IssueResult> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'error',
        cache: 'no-store',
        signal: abort.signal,
      });
    } catch (error) {
      return abort.signal.aborted
        ? { ok: false, reason: 'provider-timeout', detail: `no answer within ${timeoutMs / 1000} s` }
        : { ok: false, reason: 'provider-unreachable', detail: String(error) };
    }
    if (!response.ok) return { ok: false, reason: 'provider-refused', detail: `HTTP ${response.status}` };
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return abort.signal.aborted
        ? { ok: false, reason: 'provider-timeout', detail: `no answer within ${timeoutMs / 1000} s` }
        : { ok: false, reason: 'provider-unreachable', detail: String(error) };
    }
    if (text.length > MAX_ANSWER_BYTES) return { ok: false, reason: 'provider-garbage', detail: 'answer too large' };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'provider-garbage', detail: 'answer is not JSON' };
    }
    const parsed = v.safeParse(IssuedSchema, json);
    if (!parsed.success) return { ok: false, reason: 'provider-garbage', detail: 'answer has no valid code' };
    const { code, expiresAt } = parsed.output;
    return expiresAt ? { ok: true, code, expiresAt: Date.parse(expiresAt) } : { ok: true, code };
  } finally {
    clearTimeout(timer);
  }
}
