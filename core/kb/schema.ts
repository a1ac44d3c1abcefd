/**
 * The knowledge-base schema. Every field of an entry is defined here once;
 * the TypeScript types below are derived from it (never written twice).
 * Pure module: runs in Node and in the browser.
 */
import * as v from 'valibot';

import { KINDS, VERDICT_CLASSES, type Kind } from './kinds';

export { KINDS, type Kind };

/** Kinds whose entries must say who claimed what against whom. */
export const CLAIM_KINDS: readonly Kind[] = ['allegation', 'action'];

/** Languages of aliases and lexicons (BCP 47 primary tags; Chinese split by script). */
export const LANGS = [
  'en',
  'zh-Hans',
  'zh-Hant',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'nl',
  'pl',
  'ru',
  'uk',
  'ja',
  'ko',
  'ar',
  'vi',
  'tr',
  'id',
  'ms',
  'fa',
  'he',
  'th',
  'el',
  'hi',
  'cs',
  'sk',
  'ro',
  'hu',
  'sv',
  'no',
  'da',
  'fi',
  'lt',
  'lv',
  'et',
  'other',
] as const;
export type AliasLang = (typeof LANGS)[number];

/** Languages whose aliases must cite where the name is seen in use (translations, transliterations). */
const CORE_LANGS: readonly string[] = ['en', 'zh-Hans', 'zh-Hant', 'other'];
export const TRANSLATED_LANGS: readonly AliasLang[] = LANGS.filter((l) => !CORE_LANGS.includes(l));

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
  /** The vendor or agency that coined the name ("Microsoft", "CrowdStrike", "Mandiant"…), where known. */
  coinedBy: v.optional(nonEmpty('alias coinedBy')),
  /**
   * The group's own name for itself (a hacktivist crew's or a company's chosen name, as its sources
   * show it in use): who coined it is the group. Never together with coinedBy.
   */
  selfNamed: v.optional(v.boolean()),
  /** A name its coiner has retired (Microsoft's element names such as "STRONTIUM"). */
  former: v.optional(v.boolean()),
  /**
   * The name is used for more than one group by different sources. Other entries may list the same
   * name; it is matched for one of them by the rule in core/kb/disputed.ts, and every card that
   * lists it says which other groups it may mean (alsoUsedFor).
   */
  disputed: v.optional(v.boolean()),
  /** Who uses this name for this entry (vendors or data sets), where the name is disputed. */
  usedBy: v.optional(v.array(nonEmpty('alias usedBy'))),
  /**
   * Computed at build time (core/kb/disputed.ts), never written by hand: the other entries that
   * carry the same name, and who uses it for each.
   */
  alsoUsedFor: v.optional(
    v.array(
      v.strictObject({
        id,
        name: nonEmpty('alsoUsedFor name'),
        by: v.optional(v.array(nonEmpty('alsoUsedFor by'))),
      }),
    ),
  ),
  /** An https page that shows the name in use (required for translated and transliterated names). */
  source: v.optional(v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'must be an https address'))),
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

/**
 * A country an entry belongs to or is attributed to: an ISO 3166-1 alpha-2 code (upper case; "UK" is
 * accepted for the United Kingdom as elsewhere in the KB), or "EU".
 */
export const CountrySchema = v.pipe(
  v.string(),
  v.regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as "IR"'),
);

/** Who links a group to a state, and which state body (where named). */
export const AttributionSchema = v.strictObject({
  country: CountrySchema,
  /** The state body named as sponsor, in words ("IRGC", "GRU Unit 26165", "Ministry of State Security"). */
  sponsor: v.optional(nonEmpty('attribution.sponsor')),
  /** Who made the link: governments and vendors, in words ("US government", "Microsoft", "Mandiant"). */
  by: v.pipe(v.array(nonEmpty('attribution.by')), v.minLength(1, 'attribution.by needs at least one name')),
});

export const LINK_TYPES = [
  'same-as', // different vendors' names for what the sources treat as one group
  'overlaps', // a vendor reports overlap (shared tools, infrastructure) without equating them
  'sub-group-of',
  'parent-of',
  'uses', // a group or operation uses a malware family or tool
  'used-by',
  'attributed-to', // an operation or malware attributed to a group or agency
  'part-of', // a topic hub's member, a unit of an agency
  'disputed', // sources disagree whether the two are the same
] as const;

export const LinkSchema = v.strictObject({
  id,
  type: v.picklist(LINK_TYPES),
  /** Who says so, in words, where it matters ("Microsoft", "Mandiant"). */
  by: v.optional(nonEmpty('link.by')),
});

/**
 * A reference in words: every term group must appear within one paragraph (each group lists
 * alternative forms, in any language), e.g. [["CNCERT", "国家互联网应急中心"], ["Russia", "俄罗斯"], ["Ukraine"], ["Belarus"]].
 */
export const CueSetSchema = v.strictObject({
  terms: v.pipe(
    v.array(v.pipe(v.array(nonEmpty('cue term')), v.minLength(1, 'a cue group needs at least one form'))),
    v.minLength(2, 'a cue set needs at least two term groups'),
  ),
});

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
  /** The day the response (or its absence) was last checked. */
  responseCheckedOn: v.optional(isoDate),
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
  country: v.optional(CountrySchema),
  /** Who links the group (or malware, operation) to which state. */
  attribution: v.optional(v.array(AttributionSchema)),
  /** MITRE ATT&CK id (G#### group, C#### campaign, S#### software). */
  attackId: v.optional(v.pipe(v.string(), v.regex(/^[GCS]\d{4}$/, 'must be an ATT&CK id such as G0007'))),
  /** When the group, malware or operation was first publicly reported. */
  firstReported: v.optional(isoDate),
  /** Typed links to other entries (related groups, malware used, sub-groups). */
  links: v.optional(v.array(LinkSchema)),
  /** Malware family or tool (kind "malware"). */
  softwareType: v.optional(v.picklist(['malware', 'tool', 'spyware'])),
  /**
   * How a mention weighs in the espionage verdict when it differs from its kind's
   * weight (assets/lexicon/model.json "classes"): "destructive" for ransomware and
   * wiper outbreaks (WannaCry, NotPetya), which are attacks but not, by themselves,
   * a sign that a story is about espionage; "criminal" for financially motivated groups and
   * their malware (banking trojans, ransomware families, commodity RATs), which weigh as
   * espionage only when the text itself ties them to a state; "spyware" for commercial
   * spyware (derived from softwareType, core/kb/motive.ts); "background" for an entry whose
   * mention says nothing about hacking by itself (a country's armed forces, which ordinary military
   * news names every day): shown and explained, it weighs nothing in the verdict.
   */
  verdictClass: v.optional(v.picklist(VERDICT_CLASSES)),
  /** What an organization is (for grouping and for vendors' naming schemes). */
  orgType: v.optional(v.picklist(['government', 'vendor', 'lab', 'spyware-vendor', 'company', 'alliance', 'other'])),
  /** A vendor's naming scheme, in our words ("Panda = China, Bear = Russia…"). */
  namingScheme: v.optional(nonEmpty('namingScheme')),
  /** Topic hubs (kind "topic"): the specific entries the topic gathers. */
  members: v.optional(v.array(id)),
  /** References in words (see CueSetSchema). */
  cueSets: v.optional(v.array(CueSetSchema)),
  /** The summary is composed from the entry's checked fields, not written and checked against a source. */
  summaryComposed: v.optional(v.boolean()),
  /**
   * Curated by a person: true for the whole entry, or the fields a person edited. The importer never
   * overwrites them.
   */
  curated: v.optional(v.union([v.boolean(), v.array(nonEmpty('curated field'))])),
});

export type Entry = v.InferOutput<typeof EntrySchema>;
export type EntryInput = v.InferInput<typeof EntrySchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;
export type Party = (typeof PARTIES)[number];
export type Attribution = v.InferOutput<typeof AttributionSchema>;
export type Link = v.InferOutput<typeof LinkSchema>;
export type LinkType = (typeof LINK_TYPES)[number];
export type CueSet = v.InferOutput<typeof CueSetSchema>;
export type Detail = v.InferOutput<typeof DetailSchema>;
