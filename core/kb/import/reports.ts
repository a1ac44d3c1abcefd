/**
 * Dated reports from the data: ATT&CK's citations (who, when, title), and for records without
 * them, the date a report's own address carries (".../2023/05/10/..."). Only reports whose
 * publisher we know are kept; their addresses only where the source policy allows. Pure module.
 */
import type { AddressDate } from './config';
import type { Citation } from './inputs';
import type { DatedReport } from './draft';
import type { SourcePicker } from './sources';
import { isRealDate } from '../schema';

/** The report's publisher: the known host's publisher, else the citation's author as given. */
function publisherOf(picker: SourcePicker, url: string | undefined, by: string | undefined): string | undefined {
  if (url) {
    const c = picker.classify(url);
    if (!('skip' in c) && c.publisher !== 'MITRE ATT&CK') return c.publisher;
  }
  const b = by?.trim();
  return b && b.length > 1 ? b : undefined;
}

/** ATT&CK's dated citations as reports, oldest first (undated ones and ATT&CK's own pages left out). */
export function citationReports(picker: SourcePicker, citations: readonly Citation[]): DatedReport[] {
  const out: DatedReport[] = [];
  for (const c of citations) {
    if (!c.date || !isRealDate(c.date)) continue;
    if (c.url?.includes('attack.mitre.org')) continue;
    const publisher = publisherOf(picker, c.url, c.by);
    if (!publisher) continue;
    const usable = c.url && !('skip' in picker.classify(c.url)) ? c.url : undefined;
    const title = c.title?.replace(/\s+/g, ' ').trim();
    out.push({ date: c.date, publisher, ...(title ? { title } : {}), ...(usable ? { url: usable } : {}) });
  }
  return sortReports(out);
}

const URL_DATE = /(?<![0-9])(20[0-2]\d|199\d)[/_-](0[1-9]|1[0-2])(?:[/_-](0[1-9]|[12]\d|3[01]))?(?![0-9])/;

/**
 * The date written in a publisher's own scheme (two-digit year, month as a letter a–l, or a year
 * alone), where a rule covers the host.
 */
function publisherDate(host: string, path: string, rules: readonly AddressDate[]): string | undefined {
  for (const r of rules) {
    if (host !== r.host && !host.endsWith(`.${r.host}`)) continue;
    const m = new RegExp(r.regex).exec(path);
    if (!m?.[1]) continue;
    const year = r.year === 'two-digit' ? `20${m[1]}` : m[1];
    if (!/^\d{4}$/.test(year)) continue;
    if (r.month === 'none') {
      if (isRealDate(year)) return year;
      continue;
    }
    const month = r.month === 'letter' ? (m[2] ?? '').toLowerCase().charCodeAt(0) - 96 : Number(m[2]);
    if (!(month >= 1 && month <= 12)) continue;
    const d = `${year}-${String(month).padStart(2, '0')}`;
    if (isRealDate(d)) return d;
  }
  return undefined;
}

/**
 * The date an address carries in its path (a blog's /2023/05/10/, or a publisher's own scheme
 * given in `rules`), where it has one.
 */
export function dateFromUrl(url: string, rules: readonly AddressDate[] = []): string | undefined {
  let path: string;
  let host: string;
  try {
    const u = new URL(url);
    path = u.pathname;
    host = u.hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const own = publisherDate(host, path, rules);
  if (own) return own;
  const m = URL_DATE.exec(path);
  if (!m) return undefined;
  const d = [m[1], m[2], m[3]].filter(Boolean).join('-');
  return isRealDate(d) ? d : undefined;
}

/**
 * Reports whose address carries a date, from known publishers, oldest first. An http address of a
 * known publisher is read as its https form (the data sets keep some old http links).
 */
export function addressReports(picker: SourcePicker, urls: readonly string[]): DatedReport[] {
  const out: DatedReport[] = [];
  for (const raw of urls) {
    const url = raw.replace(/^http:\/\//i, 'https://');
    const c = picker.classify(url);
    if ('skip' in c || c.publisher === 'MITRE ATT&CK') continue;
    const date = dateFromUrl(url, picker.addressDates);
    if (date) out.push({ date, publisher: c.publisher, url });
  }
  return sortReports(out);
}

export function sortReports(rs: readonly DatedReport[]): DatedReport[] {
  const seen = new Set<string>();
  return [...rs]
    .sort((a, b) => a.date.localeCompare(b.date) || a.publisher.localeCompare(b.publisher))
    .filter((r) => {
      const k = `${r.date}|${r.publisher}|${r.title ?? r.url ?? ''}`;
      return !seen.has(k) && seen.add(k);
    });
}
