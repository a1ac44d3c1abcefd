/**
 * The knowledge-base schema. Every field of an entry is defined here once;
 * the TypeScript types below are derived from it (never written twice).
 * Pure module: runs in Node and in the browser.
 */
import * as v from 'valibot';

import { KINDS, type Kind } from './kinds';

export { KINDS, type Kind };

/** Kinds whose entries must say who claimed what against whom. */
export const CLAIM_KINDS: readonly Kind[] = ['allegation', 'action'];

export const LANGS = ['en', 'zh-Hans', 'zh-Hant', 'other'] as const;

const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check(isRealDate, 'is not a real calendar date'),
);

export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (y === undefined || y < 1600 || y > 2100) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

const nonEmpty = (what: string) => v.pipe(v.string(), v.trim(), v.nonEmpty(`${what} must not be empty`));

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, single hyphens)'));

export const AliasSchema = v.strictObject({
  text: nonEmpty('alias text'),
  lang: v.picklist(LANGS),
  /** Match only with exactly this letter case (acronyms such as "NSA"). */
  caseSensitive: v.optional(v.boolean(), false),
  /**
   * A common word that must not match on its own ("Lazarus", "Equation"):
   * it counts only when the surrounding text is about hacking or espionage.
   */
  requiresContext: v.optional(v.boolean(), false),
  /** Shown in cards as a main alias (defaults to false). */
  primary: v.optional(v.boolean(), false),
});

export const SourceSchema = v.strictObject({
  url: v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'must be an https address')),
  title: nonEmpty('source title'),
  publisher: nonEmpty('source publisher'),
  date: v.optional(isoDate),
});

export const DetailSchema = v.strictObject({
  date: isoDate,
  text: nonEmpty('detail text'),
  textZh: v.optional(nonEmpty('detail textZh')),
});

export const DateSchema = v.strictObject({
  /** What the date marks: "founded", "published", "indicted", "in force"… */
  label: nonEmpty('date label'),
  start: isoDate,
  end: v.optional(isoDate),
});

/** Countries or blocs used to mark the direction of a claim. */
export const PARTIES = [
  'CN',
  'US',
  'UK',
  'NZ',
  'AU',
  'CA',
  'EU',
  'RU',
  'KP',
  'IR',
  'UA',
  'allies',
  'vendor',
  'other',
] as const;

export const ClaimSchema = v.strictObject({
  /** Who made the claim, in words ("CNCERT/CC", "US Department of Justice"). */
  by: nonEmpty('claim.by'),
  byParty: v.picklist(PARTIES),
  /** Against whom ("US intelligence agencies", "PLA Unit 61398"). */
  against: nonEmpty('claim.against'),
  againstParty: v.picklist(PARTIES),
  date: isoDate,
  /** What was claimed, worded as a claim. */
  claim: nonEmpty('claim.claim'),
  /** The response or denial where known; say "No public response found" otherwise. */
  response: nonEmpty('claim.response'),
});

export const EntrySchema = v.strictObject({
  id,
  kind: v.picklist(KINDS),
  name: nonEmpty('name'),
  /** Chinese name in Simplified characters, where the entry has one. */
  nameZh: v.optional(nonEmpty('nameZh')),
  aliases: v.array(AliasSchema),
  summary: v.pipe(nonEmpty('summary'), v.maxLength(320, 'summary must be at most 320 characters')),
  summaryZh: v.optional(v.pipe(nonEmpty('summaryZh'), v.maxLength(200, 'summaryZh must be at most 200 characters'))),
  details: v.array(DetailSchema),
  dates: v.array(DateSchema),
  related: v.array(id),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'needs at least one source')),
  asOf: isoDate,
  /** Required for kinds "allegation" and "action". */
  claim: v.optional(ClaimSchema),
  /** Whether the entry concerns China (then Chinese names are expected). */
  chinaRelated: v.optional(v.boolean(), false),
  /** Entity the entry belongs to by country, for grouping ("CN", "US"…). */
  country: v.optional(v.picklist(PARTIES)),
});

export type Entry = v.InferOutput<typeof EntrySchema>;
export type EntryInput = v.InferInput<typeof EntrySchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type Party = (typeof PARTIES)[number];
