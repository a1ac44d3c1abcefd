/**
 * Cheap metadata of an article page: its publication date and declared language. A few
 * attribute reads and the first characters of a few byline elements, no parsing of the body.
 * The date comes from meta tags, JSON-LD, a time element, the visible byline or dateline, then
 * the URL. DOM-side: bundled into the page script.
 */
import { dayInText, dayInUrl } from './date-text';

const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="article:modified_time"]',
  'meta[itemprop="dateModified"]',
];

/** Where a page shows its date to readers: bylines and datelines near the headline. */
const BYLINE_SELECTOR =
  '[class*="byline" i], [class*="dateline" i], [class*="date" i], [class*="publish" i], [class*="timestamp" i], [itemprop*="date" i], [class*="meta" i] time, header time';
/** Look at no more than this many byline-like elements, and only their first characters. */
const MAX_BYLINES = 12;
const BYLINE_CHARS = 160;

/** The YYYY-MM-DD day at the start of an ISO-like date string, if it is a real day. */
export function isoDay(s: string | null | undefined): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(s ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export function publishedDate(doc: Document): string | undefined {
  for (const sel of DATE_SELECTORS) {
    const day = isoDay(doc.querySelector(sel)?.getAttribute('content'));
    if (day) return day;
  }
  // JSON-LD: look for the field by text, without parsing the whole script.
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 5)) {
    const m = /"datePublished"\s*:\s*"([^"]{10,40})"/.exec(s.textContent ?? '');
    const day = isoDay(m?.[1]);
    if (day) return day;
  }
  const time = doc.querySelector('article time[datetime], time[pubdate][datetime], time[datetime]');
  const tagged = isoDay(time?.getAttribute('datetime'));
  if (tagged) return tagged;
  // What a reader sees: "Updated 2024-12-19", "December 19, 2024 · 5 min read".
  // Only around the headline, so a huge page costs no more than a small one.
  const h1 = doc.querySelector('h1');
  const scope = h1?.closest('article, header, main') ?? h1?.parentElement?.parentElement;
  const bylines = scope ? scope.querySelectorAll(BYLINE_SELECTOR) : [];
  for (let i = 0; i < bylines.length && i < MAX_BYLINES; i++) {
    const day = dayInText((bylines[i]!.textContent ?? '').slice(0, BYLINE_CHARS));
    if (day) return day;
  }
  const url = doc.URL || doc.location?.href;
  return url ? dayInUrl(url) : undefined;
}

export function declaredLang(doc: Document): string | undefined {
  const l = (doc.documentElement?.getAttribute('lang') ?? '').trim();
  return /^[A-Za-z0-9_-]{1,35}$/.test(l) ? l : undefined;
}
