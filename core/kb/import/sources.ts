/**
 * Picks an entry's sources from the reference addresses in the data: https only, hosts whose
 * publisher we know, government first, then vendor research, then news; never mirrors, archives,
 * reposts or denied domains. Pure module.
 */
import type { Source } from '../schema';
import type { AddressDate, SourceDomains } from './config';

export type SourceRank = 'government' | 'vendor' | 'news';
const RANK_ORDER: Record<SourceRank, number> = { government: 0, vendor: 1, news: 2 };

export interface SourcePicker {
  /** The publisher and rank of an https address, or why it is not used. */
  classify(url: string): { publisher: string; rank: SourceRank } | { skip: string };
  /** Up to `max` sources from the addresses, best first, one per publisher where possible. */
  pick(urls: readonly string[], max: number): Source[];
  /** Publishers' own ways of writing a report's date into its address. */
  addressDates: readonly AddressDate[];
}

function hostOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** The host itself or the closest parent domain listed in the table. */
function lookup<T>(table: ReadonlyMap<string, T>, host: string): T | undefined {
  let h = host;
  for (;;) {
    const hit = table.get(h);
    if (hit !== undefined) return hit;
    const dot = h.indexOf('.');
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) return undefined;
    h = h.slice(dot + 1);
  }
}

/** A readable title from the address itself (the data has no titles): its last meaningful path part. */
export function titleFromUrl(url: string, publisher: string): string {
  let path = '';
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    path = '';
  }
  const parts = path
    .split('/')
    .map((p) => p.replace(/\.(html?|aspx|php|pdf)$/i, ''))
    .filter(
      (p) =>
        /[a-z]{3,}/i.test(p) &&
        p.length >= 8 &&
        !/^(blog|blogs|en-us|en|research|threat-research|report|reports|security|news|posts?|articles?)$/i.test(p),
    );
  const last = parts[parts.length - 1];
  if (!last) return `${publisher} reference`;
  const words = last
    .replace(/[-_+]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const text = words.length > 90 ? `${words.slice(0, 87).trimEnd()}...` : words;
  return `${publisher}: ${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export function sourcePicker(domains: SourceDomains, denied: readonly string[]): SourcePicker {
  const table = new Map<string, { publisher: string; rank: SourceRank }>();
  for (const rank of ['news', 'vendor', 'government'] as const)
    for (const [host, publisher] of Object.entries(domains[rank])) table.set(host, { publisher, rank });
  const skip = new Map<string, string>();
  for (const h of domains.skip) skip.set(h, 'a mirror, archive, repost or dead domain');
  for (const h of denied) skip.set(h, 'a denied domain');

  const classify: SourcePicker['classify'] = (url) => {
    if (!url.startsWith('https://')) return { skip: 'not https' };
    const host = hostOf(url);
    if (!host) return { skip: 'not a valid address' };
    const bad = lookup(skip, host);
    if (bad) return { skip: bad };
    const known = lookup(table, host);
    if (!known) return { skip: 'publisher not known' };
    return known;
  };

  const pick: SourcePicker['pick'] = (urls, max) => {
    const ok: { url: string; publisher: string; rank: SourceRank; i: number }[] = [];
    const seen = new Set<string>();
    urls.forEach((url, i) => {
      const c = classify(url);
      if ('skip' in c || seen.has(url)) return;
      seen.add(url);
      ok.push({ url, ...c, i });
    });
    ok.sort((a, b) => RANK_ORDER[a.rank] - RANK_ORDER[b.rank] || a.i - b.i);
    const chosen: typeof ok = [];
    const publishers = new Set<string>();
    for (const s of ok)
      if (chosen.length < max && !publishers.has(s.publisher)) {
        chosen.push(s);
        publishers.add(s.publisher);
      }
    for (const s of ok) if (chosen.length < max && !chosen.includes(s)) chosen.push(s);
    return chosen.map((s) => ({ url: s.url, title: titleFromUrl(s.url, s.publisher), publisher: s.publisher }));
  };
  return { classify, pick, addressDates: domains.addressDates ?? [] };
}
