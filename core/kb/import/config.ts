/**
 * The importer's data under assets/naming/ (word lists, country spellings, vendor names, source
 * publishers) with their schemas. A broken file fails with its name and the field.
 */
import * as v from 'valibot';

const word = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const words = v.array(word);
const table = v.record(v.string(), word);

export const CommonWordsSchema = v.object({
  words,
  elements: words,
  dualUseTools: words,
  skipTools: words,
  skipNames: words,
});

export const CountriesSchema = v.object({
  names: v.record(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'keys must be two-letter country codes')), word),
  spellings: v.record(
    v.string(),
    v.record(v.string(), v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'must be a country code'))),
  ),
});

export const ProducersSchema = v.object({ rename: table, ignore: words });

const compiles = (r: string) => {
  try {
    new RegExp(r);
    return true;
  } catch {
    return false;
  }
};

/** A publisher's own way of writing a date into its report addresses (Trend Micro's ".../research/23/b/"). */
export const AddressDateSchema = v.strictObject({
  host: word,
  /** Capture groups: the year, then the month (none when `month` is "none"). */
  regex: v.pipe(word, v.check(compiles, 'must be a valid regular expression')),
  year: v.picklist(['four-digit', 'two-digit']),
  month: v.picklist(['number', 'letter', 'none']),
});
export type AddressDate = v.InferOutput<typeof AddressDateSchema>;

export const SourceDomainsSchema = v.object({
  government: table,
  vendor: table,
  news: table,
  skip: words,
  addressDates: v.optional(v.array(AddressDateSchema), []),
});

const https = v.pipe(v.string(), v.startsWith('https://', 'must be an https address'));
const rule = { why: word, source: https };
const pair = v.pipe(v.array(word), v.length(2, 'names must hold exactly two names'));

/** assets/naming/merge-rules.json: group identities the import decides by rule (see merge-rules.ts). */
export const MergeRulesSchema = v.object({
  join: v.array(v.object({ names: pair, ...rule })),
  apart: v.array(v.object({ names: pair, ...rule })),
  into: v.optional(v.array(v.object({ name: word, id: word, ...rule })), []),
  /** Records the data sets file as groups that are none (a tracker's placeholder, a campaign): left out. */
  notGroups: v.optional(v.array(v.object({ name: word, ...rule })), []),
  separate: v.array(v.object({ name: word, trackedBy: word, mappedBy: word, mappedTo: word, ...rule })),
});

/** assets/naming/coiners.json: vendors' code schemes the importer reads a coiner from. */
const httpsUrl = v.pipe(v.string(), v.startsWith('https://', 'must be an https address'));
export const CoinersSchema = v.object({
  schemes: v.array(v.object({ regex: word, coinedBy: word })),
  /**
   * Who coined a name where the data sets credit the wrong producer: `coinedBy` replaces theirs,
   * or, when absent, the name is shown with no coiner. Each with why and a source.
   */
  corrections: v.optional(
    v.array(v.strictObject({ name: word, coinedBy: v.optional(word), why: word, source: httpsUrl })),
    [],
  ),
});

/** assets/naming/cue-words.json: words beside a name in a paragraph about hacking, per kind. */
export const CueWordsSchema = v.object({
  'threat-actor': v.array(word),
  malware: v.array(word),
  operation: v.array(word),
  ordinary: v.array(word),
});

/** assets/sources/denied-domains.json: a list of hosts, or { domains: [...] }, or records with a domain. */
export const DeniedDomainsSchema = v.union([
  v.array(v.union([word, v.object({ domain: word })])),
  v.object({ domains: v.array(v.union([word, v.object({ domain: word })])) }),
]);

export type CommonWords = v.InferOutput<typeof CommonWordsSchema>;
export type Countries = v.InferOutput<typeof CountriesSchema>;
export type Producers = v.InferOutput<typeof ProducersSchema>;
export type SourceDomains = v.InferOutput<typeof SourceDomainsSchema>;
export type MergeRules = v.InferOutput<typeof MergeRulesSchema>;

export interface ImportConfig {
  commonWords: CommonWords;
  countries: Countries;
  producers: Producers;
  sourceDomains: SourceDomains;
  deniedDomains: string[];
  mergeRules: MergeRules;
  coiners: v.InferOutput<typeof CoinersSchema>;
  cueWords: v.InferOutput<typeof CueWordsSchema>;
}

export class ImportConfigError extends Error {
  constructor(file: string, issues: readonly v.BaseIssue<unknown>[]) {
    super(`${file}: ${issues.map((i) => `${v.getDotPath(i) ?? '(file)'}: ${i.message}`).join('; ')}`);
    this.name = 'ImportConfigError';
  }
}

function check<T>(file: string, schema: v.GenericSchema<unknown, T>, data: unknown): T {
  const r = v.safeParse(schema, data);
  if (!r.success) throw new ImportConfigError(file, r.issues);
  return r.output;
}

export const CONFIG_FILES = {
  commonWords: 'assets/naming/common-words.json',
  countries: 'assets/naming/countries.json',
  producers: 'assets/naming/producers.json',
  sourceDomains: 'assets/naming/source-domains.json',
  deniedDomains: 'assets/sources/denied-domains.json',
  mergeRules: 'assets/naming/merge-rules.json',
  coiners: 'assets/naming/coiners.json',
  cueWords: 'assets/naming/cue-words.json',
} as const;

/** Checks the raw (JSON-parsed) config files; deniedDomains may be undefined (file absent). */
export function parseImportConfig(raw: {
  commonWords: unknown;
  countries: unknown;
  producers: unknown;
  sourceDomains: unknown;
  deniedDomains?: unknown;
  /** Absent: no rules. */
  mergeRules?: unknown;
  /** Absent: no schemes. */
  coiners?: unknown;
  /** Absent: the importer's defaults (cues.ts). */
  cueWords?: unknown;
}): ImportConfig {
  const denied =
    raw.deniedDomains === undefined ? [] : check(CONFIG_FILES.deniedDomains, DeniedDomainsSchema, raw.deniedDomains);
  const list = Array.isArray(denied) ? denied : denied.domains;
  return {
    commonWords: check(CONFIG_FILES.commonWords, CommonWordsSchema, raw.commonWords),
    countries: check(CONFIG_FILES.countries, CountriesSchema, raw.countries),
    producers: check(CONFIG_FILES.producers, ProducersSchema, raw.producers),
    sourceDomains: check(CONFIG_FILES.sourceDomains, SourceDomainsSchema, raw.sourceDomains),
    mergeRules:
      raw.mergeRules === undefined
        ? { join: [], apart: [], into: [], notGroups: [], separate: [] }
        : check(CONFIG_FILES.mergeRules, MergeRulesSchema, raw.mergeRules),
    coiners:
      raw.coiners === undefined
        ? { schemes: [], corrections: [] }
        : check(CONFIG_FILES.coiners, CoinersSchema, raw.coiners),
    cueWords:
      raw.cueWords === undefined
        ? {
            'threat-actor': ['hacker*', 'hacking', 'malware'],
            malware: ['malware'],
            operation: ['campaign'],
            ordinary: ['group'],
          }
        : check(CONFIG_FILES.cueWords, CueWordsSchema, raw.cueWords),
    // A rule limited to a path ("163.com/dy") denies the whole host here: stricter, never looser.
    deniedDomains: list.map((d) =>
      (typeof d === 'string' ? d : d.domain)
        .toLowerCase()
        .replace(/^www\./, '')
        .replace(/\/.*$/, ''),
    ),
  };
}
