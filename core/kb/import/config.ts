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

export const SourceDomainsSchema = v.object({
  government: table,
  vendor: table,
  news: table,
  skip: words,
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

export interface ImportConfig {
  commonWords: CommonWords;
  countries: Countries;
  producers: Producers;
  sourceDomains: SourceDomains;
  deniedDomains: string[];
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
} as const;

/** Checks the raw (JSON-parsed) config files; deniedDomains may be undefined (file absent). */
export function parseImportConfig(raw: {
  commonWords: unknown;
  countries: unknown;
  producers: unknown;
  sourceDomains: unknown;
  deniedDomains?: unknown;
}): ImportConfig {
  const denied =
    raw.deniedDomains === undefined ? [] : check(CONFIG_FILES.deniedDomains, DeniedDomainsSchema, raw.deniedDomains);
  const list = Array.isArray(denied) ? denied : denied.domains;
  return {
    commonWords: check(CONFIG_FILES.commonWords, CommonWordsSchema, raw.commonWords),
    countries: check(CONFIG_FILES.countries, CountriesSchema, raw.countries),
    producers: check(CONFIG_FILES.producers, ProducersSchema, raw.producers),
    sourceDomains: check(CONFIG_FILES.sourceDomains, SourceDomainsSchema, raw.sourceDomains),
    // A rule limited to a path ("163.com/dy") denies the whole host here: stricter, never looser.
    deniedDomains: list.map((d) =>
      (typeof d === 'string' ? d : d.domain)
        .toLowerCase()
        .replace(/^www\./, '')
        .replace(/\/.*$/, ''),
    ),
  };
}
