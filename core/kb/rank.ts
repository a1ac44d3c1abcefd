/**
 * How often reports and news name an entity: the pure part of scripts/kb-rank.ts.
 *
 * The rule (a proxy, reproducible from data in ../shared):
 *   score = citations + users + REPORT_WEIGHT × reportDocs + NEWS_WEIGHT × newsDocs
 * - citations: distinct dated reports (by URL, else title) that MITRE ATT&CK cites for the entity;
 * - users (software only): ATT&CK groups whose software list holds the entity;
 * - newsDocs: news articles (CASIE texts, saved news pages) naming the entity by any of its names;
 * - reportDocs: saved vendor-report pages (the AttacKG pages) naming it.
 * A document counts once per entity however many names it uses. Disputed names and names shorter than
 * three characters never count; a name found in any document that is not about security is an ordinary word ("Play") and never counts.
 * Ties are broken by name.
 * Pure module.
 */

export const NEWS_WEIGHT = 3;
export const REPORT_WEIGHT = 2;
const MIN_NAME_LENGTH = 3;

export interface RankName {
  text: string;
  caseSensitive?: boolean;
  disputed?: boolean;
}

export interface Citation {
  date?: string;
  url?: string;
  title?: string;
}

/** A document of the corpus, as plain text. */
export interface RankDoc {
  text: string;
  /** A news article (true) or a vendor report page (false). */
  news: boolean;
  /** The document is about security or espionage; a name found in one that is not is an ordinary word. */
  topical: boolean;
}

export interface RankComponents {
  citations: number;
  users: number;
  newsDocs: number;
  reportDocs: number;
}

/** Distinct dated citations: a citation without a date does not count; the same URL (or title) counts once. */
export function datedCitationCount(citations: readonly Citation[]): number {
  const keys = new Set<string>();
  for (const c of citations) {
    if (!c.date) continue;
    const key = c.url ? `u:${c.url.trim().toLowerCase()}` : c.title ? `t:${c.title.trim().toLowerCase()}` : undefined;
    if (key) keys.add(key);
  }
  return keys.size;
}

/** How many groups list the software id among the software they use. */
export function userCount(softwareId: string, groups: readonly { software?: readonly string[] }[]): number {
  return groups.filter((g) => g.software?.includes(softwareId)).length;
}

export function rankScore(c: RankComponents): number {
  return c.citations + c.users + REPORT_WEIGHT * c.reportDocs + NEWS_WEIGHT * c.newsDocs;
}

const tokenRe = /[\p{L}\p{N}]+/gu;

function tokens(s: string): string[] {
  return (s.toLowerCase().match(tokenRe) ?? []) as string[];
}

/** An index of the documents by word, so that a name is checked only in the documents holding its words. */
export interface DocIndex {
  docs: readonly RankDoc[];
  byToken: Map<string, Set<number>>;
}

export function indexDocs(docs: readonly RankDoc[]): DocIndex {
  const byToken = new Map<string, Set<number>>();
  docs.forEach((d, i) => {
    for (const t of new Set(tokens(d.text))) {
      let set = byToken.get(t);
      if (!set) byToken.set(t, (set = new Set()));
      set.add(i);
    }
  });
  return { docs, byToken };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for a name: whole words only, spaces and hyphens interchangeable. */
export function namePattern(name: RankName): RegExp {
  const body = name.text
    .trim()
    .split(/[\s\-_]+/)
    .map(escape)
    .join('[\\s\\-_]*');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, name.caseSensitive ? 'u' : 'iu');
}

/** The names that count: not disputed, at least three characters. */
export function countedNames(names: readonly RankName[]): RankName[] {
  return names.filter((n) => !n.disputed && n.text.trim().length >= MIN_NAME_LENGTH);
}

/** The documents (indexes into index.docs) that name the entity by any counted name. */
export function docsNaming(names: readonly RankName[], index: DocIndex): Set<number> {
  const hits = new Set<number>();
  for (const name of countedNames(names)) {
    const words = tokens(name.text);
    if (words.length === 0) continue;
    let candidates: Set<number> | undefined;
    for (const w of words) {
      const posting = index.byToken.get(w);
      if (!posting) {
        candidates = new Set();
        break;
      }
      candidates = candidates ? new Set([...candidates].filter((i) => posting.has(i))) : new Set(posting);
    }
    const re = namePattern(name);
    const found = [...(candidates ?? [])].filter((i) => {
      const doc = index.docs[i];
      return doc !== undefined && re.test(doc.text);
    });
    if (found.some((i) => index.docs[i]?.topical === false)) continue; // an ordinary word
    for (const i of found) hits.add(i);
  }
  return hits;
}

export function mentionComponents(
  names: readonly RankName[],
  index: DocIndex,
): Pick<RankComponents, 'newsDocs' | 'reportDocs'> {
  let newsDocs = 0;
  let reportDocs = 0;
  for (const i of docsNaming(names, index)) {
    if (index.docs[i]?.news) newsDocs++;
    else reportDocs++;
  }
  return { newsDocs, reportDocs };
}

/** Rows with their score, highest first; ties by name. */
export function rankRows<T extends RankComponents & { id: string; name: string }>(
  rows: readonly T[],
): (T & { score: number })[] {
  return rows
    .map((r) => ({ ...r, score: rankScore(r) }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'en'));
}
