import * as v from 'valibot';
import { METHODOLOGY_VERSION } from '../carbon/factors';
import { CHOICE_KINDS } from '../core/kinds';
import { version as EXTENSION_VERSION } from '../../package.json';

/**
 * A reading report: what the extension read on one page, in a form the shopper can save or
 * copy and send us by hand. It holds controls' roles, scrubbed names and states, never the
 * page's other text, field values, cookies or the URL's query (see src/report/scrub.ts).
 */

/** Where a shopper sends a report, by following the link themselves; the extension sends nothing. */
export const ISSUES_URL = 'https://github.com/carbon-account/carbon-account/issues';

export const REPORT_FORMAT = 1;
export const REPORT_VERSIONS = { extension: EXTENSION_VERSION, methodology: METHODOLOGY_VERSION } as const;

export const CONTROL_ROLES = ['checkbox', 'radio', 'switch', 'option', 'tab', 'toggle'] as const;
export type ControlRole = (typeof CONTROL_ROLES)[number];

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max), v.regex(/^[^\p{Cc}\p{Nd}@]*$/u, 'holds digits, an @ or control characters'));

const ControlSchema = v.strictObject({
  role: v.picklist(CONTROL_ROLES),
  /** the accessible name, scrubbed */
  name: Text(160),
  /** the name, value, id and data-testid attributes, scrubbed (the detector matches them too) */
  hints: Text(160),
  selected: v.boolean(),
  shown: v.boolean(),
  /** controls of one radio group, select or tab list share a number */
  group: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999))),
  /** the group's own label (legend, aria-label), scrubbed */
  groupLabel: v.optional(Text(160)),
  /** the choice kind this control made the reading find */
  counted: v.optional(v.picklist(CHOICE_KINDS)),
});

export const ReadingReportSchema = v.strictObject({
  report: v.literal('carbon-account-reading'),
  format: v.literal(REPORT_FORMAT),
  extension: v.pipe(v.string(), v.regex(/^\d+(?:\.\d+){0,3}$/)),
  methodology: v.pipe(v.string(), v.maxLength(32)),
  platform: v.pipe(v.string(), v.regex(/^(?:[a-z0-9-]{2,32}|custom:[a-z0-9.-]{3,253})$/)),
  page: v.picklist(['checkout', 'confirmation', 'other']),
  url: v.strictObject({
    host: v.pipe(v.string(), v.regex(/^[a-z0-9.-]{1,253}$/)),
    path: v.pipe(v.string(), v.maxLength(512), v.regex(/^\/[A-Za-z._~:/-]*$/)),
  }),
  language: v.pipe(v.string(), v.maxLength(35)),
  read: v.pipe(
    v.array(v.strictObject({ kind: v.picklist(CHOICE_KINDS), detail: v.optional(v.pipe(v.string(), v.regex(/^[a-z-]{1,32}$/))) })),
    v.maxLength(32),
  ),
  /** for a checkout: whether the shopper's press of the place-order button was seen */
  placeOrderPressed: v.optional(v.boolean()),
  controls: v.pipe(v.array(ControlSchema), v.maxLength(200)),
  /** the shopper's own line, scrubbed like a name */
  note: Text(200),
});

export type ReadingReport = v.InferOutput<typeof ReadingReportSchema>;
export type ReportControl = ReadingReport['controls'][number];

export type ReportParse = { ok: true; report: ReadingReport } | { ok: false; reason: string };

/** Parses a saved report (from a shopper, by hand), or says what is wrong with it and where. */
export function parseReport(value: unknown): ReportParse {
  const result = v.safeParse(ReadingReportSchema, value);
  if (result.success) return { ok: true, report: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, reason: `not a reading report${path ? ` at ${path}` : ''}: ${issue.message}` };
}
