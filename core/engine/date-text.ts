/**
 * A day (YYYY-MM-DD) written as readers see it: "2024-12-19", "19.12.2024", "2024/12/19",
 * "December 19, 2024", "Dec. 19, 2024", "19 December 2024", "19. Dezember 2024", "19 de
 * diciembre de 2024", "2024年12月19日", "2024년 12월 19일", and in a URL ("/2024/12/19/",
 * "/20241219"). Month names are data (assets/matching/month-names.json). Pure.
 */
import monthData from '../../assets/matching/month-names.json';

const MONTHS: ReadonlyMap<string, number> = new Map(
  (monthData as { months: string[][] }).months.flatMap((names, i) => names.map((n) => [n.toLowerCase(), i + 1])),
);

function day(y: number, m: number, d: number): string | undefined {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  if (new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const NUMERIC: readonly [RegExp, (m: RegExpExecArray) => string | undefined][] = [
  [/(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, (m) => day(+m[1]!, +m[2]!, +m[3]!)],
  [/(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/, (m) => day(+m[1]!, +m[2]!, +m[3]!)],
  // Day first with dots (German, Russian, Polish, Czech… usage); slashes are left alone (US vs EU order).
  [/(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/, (m) => day(+m[3]!, +m[2]!, +m[1]!)],
];

const WORD = '([\\p{L}]{3,12})\\.?';
const NAMED: readonly [RegExp, (m: RegExpExecArray) => string | undefined][] = [
  // December 19, 2024 / Dec. 19 2024
  [new RegExp(`${WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'u'), (m) => named(m[1]!, m[2]!, m[3]!)],
  // 19 December 2024 / 19. Dezember 2024 / 19 de diciembre de 2024
  [
    new RegExp(`(?<!\\d)(\\d{1,2})\\.?\\s+(?:de\\s+)?${WORD}\\s+(?:de\\s+)?(\\d{4})`, 'u'),
    (m) => named(m[2]!, m[1]!, m[3]!),
  ],
];

function named(month: string, d: string, y: string): string | undefined {
  const m = MONTHS.get(month.toLowerCase());
  return m === undefined ? undefined : day(+y, m, +d);
}

/** The first day written in a short text (a byline, a dateline), if any. */
export function dayInText(text: string): string | undefined {
  let best: { at: number; day: string } | undefined;
  for (const [re, read] of [...NUMERIC, ...NAMED]) {
    const m = re.exec(text);
    if (!m) continue;
    const d = read(m);
    if (d && (!best || m.index < best.at)) best = { at: m.index, day: d };
  }
  return best?.day;
}

/** The day in a URL's path ("/2024/12/19/", "/2024-12-19-", "/20241219/"). */
export function dayInUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m =
    /(?:^|\/)(\d{4})[/-](\d{2})[/-](\d{2})(?:[/-]|$)/.exec(path) ??
    /(?:^|[/_-])(20\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path);
  return m ? day(+m[1]!, +m[2]!, +m[3]!) : undefined;
}
