/**
 * Source policy: which publishers are never a source (mirrors, content farms, sanctioned outlets,
 * self-media reposts) and which count as primary (government sites, vendor research, wire services).
 * The lists are data (assets/sources/*.json); this module parses them and classifies URLs.
 * Pure module: runs in Node and in the browser.
 */
import * as v from 'valibot';
import deniedData from '../../assets/sources/denied-domains.json';
import primaryData from '../../assets/sources/primary-domains.json';

export const DENIED_FILE = 'assets/sources/denied-domains.json';
export const PRIMARY_FILE = 'assets/sources/primary-domains.json';

/**
 * A host, optionally with a path prefix: "rt.com", "gov.cn", "microsoft.com/security/blog".
 * A rule matches its host and every subdomain; a path prefix must match whole path segments.
 */
const domainPattern = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.regex(
    /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*(\/[a-z0-9._~-]+)*$/,
    'must be a host name, optionally with a path ("example.com", ".gov", "example.com/blog")',
  ),
);

const reason = v.pipe(v.string(), v.trim(), v.nonEmpty('reason must not be empty'));

export const PRIMARY_CATEGORIES = ['government', 'vendor', 'wire', 'research'] as const;
export type PrimaryCategory = (typeof PRIMARY_CATEGORIES)[number];

const DeniedRecordSchema = v.strictObject({ domain: domainPattern, reason });
const PrimaryRecordSchema = v.strictObject({
  domain: domainPattern,
  category: v.picklist(PRIMARY_CATEGORIES),
  reason,
});

const DeniedFileSchema = v.strictObject({ $comment: v.optional(v.string()), domains: v.array(v.unknown()) });
const PrimaryFileSchema = v.strictObject({ $comment: v.optional(v.string()), domains: v.array(v.unknown()) });

export interface DomainRule {
  /** Host without a leading dot, lower case. */
  host: string;
  /** Path prefix without trailing slash ("" for the whole host). */
  path: string;
  /** The pattern as written in the data file. */
  pattern: string;
  reason: string;
  category?: PrimaryCategory;
}

export interface SourcePolicy {
  denied: DomainRule[];
  primary: DomainRule[];
}

export interface SourceListProblem {
  file: string;
  /** "domains.3.domain", or "(file)" when the file's shape is wrong. */
  field: string;
  message: string;
}

function toRule(pattern: string, reasonText: string, category?: PrimaryCategory): DomainRule {
  const clean = pattern.replace(/^\./, '');
  const slash = clean.indexOf('/');
  const host = slash < 0 ? clean : clean.slice(0, slash);
  const path = slash < 0 ? '' : clean.slice(slash).replace(/\/+$/, '');
  return { host, path, pattern, reason: reasonText, ...(category ? { category } : {}) };
}

function parseList(
  file: string,
  data: unknown,
  kind: 'denied' | 'primary',
): { rules: DomainRule[]; problems: SourceListProblem[] } {
  const problems: SourceListProblem[] = [];
  const rules: DomainRule[] = [];
  const shape = v.safeParse(kind === 'denied' ? DeniedFileSchema : PrimaryFileSchema, data);
  if (!shape.success) {
    for (const issue of shape.issues)
      problems.push({ file, field: v.getDotPath(issue) ?? '(file)', message: issue.message });
    return { rules, problems };
  }
  const seen = new Map<string, number>();
  shape.output.domains.forEach((record, i) => {
    const r = kind === 'denied' ? v.safeParse(DeniedRecordSchema, record) : v.safeParse(PrimaryRecordSchema, record);
    if (!r.success) {
      for (const issue of r.issues)
        problems.push({ file, field: `domains.${i}.${v.getDotPath(issue) ?? '(record)'}`, message: issue.message });
      return;
    }
    const out = r.output as { domain: string; reason: string; category?: PrimaryCategory };
    const previous = seen.get(out.domain);
    if (previous !== undefined) {
      problems.push({ file, field: `domains.${i}.domain`, message: `"${out.domain}" is also listed at ${previous}` });
      return;
    }
    seen.set(out.domain, i);
    rules.push(toRule(out.domain, out.reason, out.category));
  });
  return { rules, problems };
}

/** Parses both lists; problems name the file and the record index. */
export function parseSourcePolicy(
  denied: { file: string; data: unknown },
  primary: { file: string; data: unknown },
): { policy: SourcePolicy; problems: SourceListProblem[] } {
  const d = parseList(denied.file, denied.data, 'denied');
  const p = parseList(primary.file, primary.data, 'primary');
  return { policy: { denied: d.rules, primary: p.rules }, problems: [...d.problems, ...p.problems] };
}

let cached: SourcePolicy | undefined;

/** The policy from assets/sources/; throws, naming file and field, when a record is broken. */
export function defaultSourcePolicy(): SourcePolicy {
  if (cached) return cached;
  const { policy, problems } = parseSourcePolicy(
    { file: DENIED_FILE, data: deniedData },
    { file: PRIMARY_FILE, data: primaryData },
  );
  if (problems.length > 0)
    throw new Error(
      `Source lists have ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${p.file} ${p.field}: ${p.message}`).join('\n'),
    );
  cached = policy;
  return policy;
}

/** Lower-case host and path of an http(s) URL, or undefined when it does not parse. */
export function urlParts(url: string): { host: string; path: string } | undefined {
  try {
    const u = new URL(url);
    return { host: u.hostname.toLowerCase().replace(/\.$/, ''), path: decodeURIComponent(u.pathname).toLowerCase() };
  } catch {
    return undefined;
  }
}

const LOCALE_SEGMENT = /^\/[a-z]{2}(-[a-z]{2,4})?(?=\/)/;

function pathMatches(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  const at = (p: string) => p === prefix || p.startsWith(`${prefix}/`);
  // Vendor blogs often sit under a locale ("/en-us/security/blog/…").
  return at(path) || at(path.replace(LOCALE_SEGMENT, ''));
}

export function ruleMatches(rule: DomainRule, host: string, path: string): boolean {
  const hostOk = host === rule.host || host.endsWith(`.${rule.host}`);
  return hostOk && pathMatches(path, rule.path);
}

export type SourceClass = 'denied' | 'primary' | 'other';

export interface Classification {
  class: SourceClass;
  /** The rule that decided it (absent for "other"). */
  rule?: DomainRule;
}

/** Denied beats primary; a URL that does not parse is "other". */
export function classifyUrl(url: string, policy: SourcePolicy = defaultSourcePolicy()): Classification {
  const parts = urlParts(url);
  if (!parts) return { class: 'other' };
  const denied = policy.denied.find((r) => ruleMatches(r, parts.host, parts.path));
  if (denied) return { class: 'denied', rule: denied };
  const primary = policy.primary.find((r) => ruleMatches(r, parts.host, parts.path));
  if (primary) return { class: 'primary', rule: primary };
  return { class: 'other' };
}

/** The host a report groups a URL under ("www." dropped). */
export function reportDomain(url: string): string {
  return urlParts(url)?.host.replace(/^www\./, '') ?? '(unparsable)';
}

export interface SourceUrlRef {
  /** "sources.2.url" or "aliases.4.source". */
  field: string;
  url: string;
}

/** Every URL an entry cites, with the field it sits in. */
export function entrySourceUrls(entry: {
  sources: readonly { url: string }[];
  aliases: readonly { source?: string }[];
}): SourceUrlRef[] {
  const refs: SourceUrlRef[] = entry.sources.map((s, i) => ({ field: `sources.${i}.url`, url: s.url }));
  entry.aliases.forEach((a, i) => {
    if (a.source) refs.push({ field: `aliases.${i}.source`, url: a.source });
  });
  return refs;
}

/** The denied URLs of an entry, with the reason, for the validator and for reports. */
export function deniedSourceUrls(
  entry: Parameters<typeof entrySourceUrls>[0],
  policy: SourcePolicy = defaultSourcePolicy(),
): (SourceUrlRef & { rule: DomainRule })[] {
  const out: (SourceUrlRef & { rule: DomainRule })[] = [];
  for (const ref of entrySourceUrls(entry)) {
    const c = classifyUrl(ref.url, policy);
    if (c.class === 'denied' && c.rule) out.push({ ...ref, rule: c.rule });
  }
  return out;
}

/**
 * An entry rests on one non-primary source when none of its sources is primary and all of them
 * come from a single publisher host.
 */
export function restsOnOneNonPrimarySource(
  entry: { sources: readonly { url: string }[] },
  policy: SourcePolicy = defaultSourcePolicy(),
): boolean {
  if (entry.sources.some((s) => classifyUrl(s.url, policy).class === 'primary')) return false;
  return new Set(entry.sources.map((s) => reportDomain(s.url))).size <= 1;
}

/** True when ISO date a is earlier than b at the precision both share ("2024" is not before "2024-03"). */
export function isEarlierAtSharedPrecision(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

/** The earliest date an entry's facts start on: its dates' starts, its details' dates and its claim date. */
export function earliestEventDate(entry: {
  dates: readonly { start: string }[];
  details?: readonly { date: string }[];
  claim?: { date: string };
}): string | undefined {
  const all = [
    ...entry.dates.map((d) => d.start),
    ...(entry.details ?? []).map((d) => d.date),
    ...(entry.claim ? [entry.claim.date] : []),
  ];
  return all.length ? all.reduce((a, b) => (isEarlierAtSharedPrecision(b, a) ? b : a)) : undefined;
}

/** Sources dated before the earliest event the entry records. */
export function sourcesBeforeEvent(entry: {
  sources: readonly { url: string; date?: string }[];
  dates: readonly { start: string }[];
  details?: readonly { date: string }[];
  claim?: { date: string };
}): { index: number; url: string; date: string; event: string }[] {
  const event = earliestEventDate(entry);
  if (!event) return [];
  const out: { index: number; url: string; date: string; event: string }[] = [];
  entry.sources.forEach((s, index) => {
    if (s.date && isEarlierAtSharedPrecision(s.date, event)) out.push({ index, url: s.url, date: s.date, event });
  });
  return out;
}
