/**
 * Coverage of names from real news: for each name a person listed by hand from an article (a group,
 * malware, operation or agency that deserves a card), is it known to the knowledge base, i.e. does
 * the page matcher the extension uses find an entry for it? Pure: the caller builds the matcher and
 * the cue sets from the built entries (scripts/kb-coverage.ts).
 *
 * A name is known when
 * - one matcher hit of a knowledge-base alias spans the whole name ("name"), or
 * - that alias counts only near a hacking word, which an espionage article supplies ("context"), or
 * - no alias spans it, but an entry's cue set finds the name beside a hacking word ("cue": the
 *   atlas reaches word names of weakly attributed groups this way).
 * A hit inside the name that does not span it ("partial": "State Security" in "Shanghai State
 * Security Bureau") and no hit at all are both unknown.
 */
import type { Matcher } from '../engine/matcher';
import { findReferences, type CompiledCueSet } from '../engine/references';
import type { Kind } from './schema';

/** The kinds a listed name may be given: those whose entries the matcher highlights in news. */
export const COVERAGE_KINDS = ['threat-actor', 'malware', 'operation', 'organization'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

export interface CoverageName {
  /** As the article writes it. */
  text: string;
  kind: CoverageKind;
}

export interface CoverageArticle {
  url: string;
  publisher: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the page shows. */
  date: string;
  /** Where the date was seen: the byline, the address, or the text itself. */
  dateFrom: 'byline' | 'url' | 'text';
  lang: string;
  names: CoverageName[];
}

export type NameStatus = 'name' | 'context' | 'cue' | 'partial' | 'unknown';

export interface NameVerdict extends CoverageName {
  status: NameStatus;
  /** The entry found (for "partial", the entry of the hit inside the name). */
  id?: string;
  /** That entry's kind, when it differs from the kind the name was listed under. */
  otherKind?: Kind;
}

export const isKnown = (status: NameStatus): boolean => status === 'name' || status === 'context' || status === 'cue';

/** A paragraph long enough for findReferences, with the name beside a hacking word. */
const cueProbe = (text: string): string => `Reports said the ${text} hackers were behind it.`;

export function judgeName(name: CoverageName, matcher: Matcher, cueSets: readonly CompiledCueSet[]): NameVerdict {
  const text = name.text.trim();
  const entityHits = matcher.findAll(text).filter((h) => matcher.term(h.pattern) < 0);
  const whole = entityHits.filter((h) => h.start === 0 && h.end === text.length);
  // Prefer an alias that needs no context, as the page does when both match.
  const best = whole.find((h) => !matcher.requiresContext(h.pattern)) ?? whole[0];
  if (best !== undefined) {
    const id = matcher.id(best.pattern);
    return withKind(
      { ...name, status: matcher.requiresContext(best.pattern) ? 'context' : 'name', id },
      matcher.kind(best.pattern),
    );
  }
  const folded = text.toLowerCase();
  const ref = findReferences(cueProbe(text), cueSets).find((r) => r.words.some((w) => w.toLowerCase() === folded));
  if (ref !== undefined) return { ...name, status: 'cue', id: ref.id };
  const inside = entityHits[0];
  if (inside !== undefined) {
    const id = matcher.id(inside.pattern);
    return withKind({ ...name, status: 'partial', id }, matcher.kind(inside.pattern));
  }
  return { ...name, status: 'unknown' };
}

function withKind(v: NameVerdict, kind: Kind | undefined): NameVerdict {
  return kind !== undefined && kind !== v.kind ? { ...v, otherKind: kind } : v;
}

export interface CoverageRow {
  /** A kind, or "all". */
  kind: CoverageKind | 'all';
  known: number;
  total: number;
}

/** Known / total per kind (in COVERAGE_KINDS order, kinds without names left out) and overall. */
export function coverageRows(verdicts: readonly NameVerdict[]): CoverageRow[] {
  const rows: CoverageRow[] = [];
  for (const kind of COVERAGE_KINDS) {
    const of = verdicts.filter((v) => v.kind === kind);
    if (of.length > 0) rows.push({ kind, known: of.filter((v) => isKnown(v.status)).length, total: of.length });
  }
  rows.push({ kind: 'all', known: verdicts.filter((v) => isKnown(v.status)).length, total: verdicts.length });
  return rows;
}

/**
 * Each listed name once per article, and the names counted once over the whole set (the first
 * listing's kind wins): a name met in ten articles is one name to know, and ten mentions.
 */
export function distinctNames(articles: readonly CoverageArticle[]): CoverageName[] {
  const seen = new Map<string, CoverageName>();
  for (const a of articles) for (const n of a.names) if (!seen.has(n.text)) seen.set(n.text, n);
  return [...seen.values()];
}

/** Fixture problems (empty when well formed): missing fields, dates before 2025, repeated names. */
export function checkArticles(articles: readonly CoverageArticle[]): string[] {
  const problems: string[] = [];
  const urls = new Set<string>();
  for (const a of articles) {
    const where = a.url || '(no url)';
    if (!/^https?:\/\//.test(a.url)) problems.push(`${where}: url is not http(s)`);
    if (urls.has(a.url)) problems.push(`${where}: listed twice`);
    urls.add(a.url);
    if (!a.publisher) problems.push(`${where}: no publisher`);
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(a.date)) problems.push(`${where}: date "${a.date}" is not YYYY[-MM[-DD]]`);
    else if (a.date < '2025') problems.push(`${where}: dated ${a.date}, before 2025`);
    if (!a.lang) problems.push(`${where}: no lang`);
    if (a.names.length === 0) problems.push(`${where}: no names`);
    const texts = new Set<string>();
    for (const n of a.names) {
      if (!n.text.trim()) problems.push(`${where}: empty name`);
      if (texts.has(n.text)) problems.push(`${where}: "${n.text}" listed twice`);
      texts.add(n.text);
      if (!(COVERAGE_KINDS as readonly string[]).includes(n.kind))
        problems.push(`${where}: "${n.text}" kind ${n.kind}`);
    }
  }
  return problems;
}
