/**
 * Cheap metadata of an article page: its publication date and declared language. A few
 * attribute reads, no parsing of the body. DOM-side: bundled into the page script.
 */
const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

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
  return isoDay(time?.getAttribute('datetime'));
}

export function declaredLang(doc: Document): string | undefined {
  const l = (doc.documentElement?.getAttribute('lang') ?? '').trim();
  return /^[A-Za-z0-9_-]{1,35}$/.test(l) ? l : undefined;
}
