/**
 * Settings: defaults, per-field parsing with fallback, versioned migrations and site pausing.
 * Pure module (the storage glue is utils/storage.ts). A corrupt or unknown stored value never
 * breaks anything: that field falls back to its default and is reported, the others are kept.
 */
import { KINDS, type Kind } from './kb/kinds';

export const SETTINGS_VERSION = 2;

export interface Settings {
  version: number;
  enabled: boolean;
  hoverCards: boolean;
  hoverDelayMs: number;
  mentions: 'first' | 'all';
  scope: 'espionage' | 'any-article';
  highlightStyle: 'underline' | 'none';
  colors: Record<Kind, string>;
  /** Verdict threshold, 0.2 (flags more) to 0.8 (flags less). */
  threshold: number;
  /** Host names or match patterns. */
  pausedSites: string[];
  language: 'auto' | 'en' | 'zh_CN';
  theme: 'system' | 'light' | 'dark';
}

export const DEFAULT_COLORS: Record<Kind, string> = {
  organization: '#2f6fdd',
  'threat-actor': '#d03a3a',
  malware: '#b8326e',
  operation: '#c2571a',
  allegation: '#8a4fd0',
  action: '#a0336b',
  policy: '#1f8a5b',
  law: '#5b6b7d',
  concept: '#7d7d2a',
  topic: '#3d7f8f',
};

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  hoverCards: true,
  hoverDelayMs: 500,
  mentions: 'first',
  scope: 'espionage',
  highlightStyle: 'underline',
  colors: DEFAULT_COLORS,
  threshold: 0.5,
  pausedSites: [],
  language: 'auto',
  theme: 'system',
};

export const HOVER_DELAY_RANGE = [150, 3000] as const;
export const THRESHOLD_RANGE = [0.2, 0.8] as const;

type Parser<T> = (v: unknown) => T | undefined;
const bool: Parser<boolean> = (v) => (typeof v === 'boolean' ? v : undefined);
const oneOf =
  <T extends string>(...allowed: T[]): Parser<T> =>
  (v) =>
    typeof v === 'string' && (allowed as string[]).includes(v) ? (v as T) : undefined;
const numberIn =
  (lo: number, hi: number): Parser<number> =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi ? v : undefined;
const color = (v: unknown) => (typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v) ? v : undefined);

const PARSERS: { [K in Exclude<keyof Settings, 'version'>]: Parser<Settings[K]> } = {
  enabled: bool,
  hoverCards: bool,
  hoverDelayMs: numberIn(...HOVER_DELAY_RANGE),
  mentions: oneOf('first', 'all'),
  scope: oneOf('espionage', 'any-article'),
  highlightStyle: oneOf('underline', 'none'),
  colors: (v) => {
    if (typeof v !== 'object' || v === null) return undefined;
    const out = { ...DEFAULT_COLORS };
    for (const k of KINDS) {
      const c = color((v as Record<string, unknown>)[k]);
      if (c === undefined) return undefined;
      out[k] = c;
    }
    return out;
  },
  threshold: numberIn(...THRESHOLD_RANGE),
  pausedSites: (v) =>
    Array.isArray(v) && v.every((s) => typeof s === 'string' && isValidSitePattern(s))
      ? [...(v as string[])]
      : undefined,
  language: oneOf('auto', 'en', 'zh_CN'),
  theme: oneOf('system', 'light', 'dark'),
};

/** Migrations from version N to N+1, applied in order to the raw stored object. */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // v1 stored the site list as "paused" and the mention mode as a boolean "allMentions".
  1: ({ paused, allMentions, ...rest }) => ({
    ...rest,
    ...(paused !== undefined ? { pausedSites: paused } : {}),
    ...(allMentions !== undefined ? { mentions: allMentions === true ? 'all' : 'first' } : {}),
  }),
};

export interface ParsedSettings {
  settings: Settings;
  /** Fields that were unreadable and fell back to their defaults. */
  recovered: string[];
}

export function parseSettings(stored: unknown): ParsedSettings {
  if (stored === undefined || stored === null) return { settings: { ...DEFAULT_SETTINGS }, recovered: [] };
  if (typeof stored !== 'object' || Array.isArray(stored))
    return { settings: { ...DEFAULT_SETTINGS }, recovered: ['(all settings)'] };
  let raw = stored as Record<string, unknown>;
  let version = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : 1;
  const recovered: string[] = [];
  if (version > SETTINGS_VERSION) {
    // Written by a newer Spyglass: keep what we can read, field by field.
    version = SETTINGS_VERSION;
  }
  while (version < SETTINGS_VERSION) {
    const migrate = MIGRATIONS[version];
    if (migrate) raw = migrate(raw);
    version++;
  }
  const settings: Settings = { ...DEFAULT_SETTINGS, version: SETTINGS_VERSION };
  for (const key of Object.keys(PARSERS) as (keyof typeof PARSERS)[]) {
    if (!(key in raw)) continue;
    const value = PARSERS[key](raw[key]);
    if (value === undefined) recovered.push(key);
    else (settings as unknown as Record<string, unknown>)[key] = value;
  }
  return { settings, recovered };
}

const HOST_RE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const PATTERN_RE = /^(\*|https?|file):\/\/(\*|\*\.[^/*]+|[^/*]+)?\/.*$/;

/** A host name ("example.com", "localhost", "127.0.0.1") or a match pattern ("*://*.example.com/*"). */
export function isValidSitePattern(s: string): boolean {
  const t = s.trim();
  return t.length > 0 && t.length <= 300 && (HOST_RE.test(t) || PATTERN_RE.test(t));
}

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
}

/** Whether a URL is covered by a paused-site entry (a host also covers its subdomains). */
export function isSitePaused(url: string, pausedSites: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const host = u.hostname.toLowerCase();
  for (const raw of pausedSites) {
    const p = raw.trim().toLowerCase();
    const m = PATTERN_RE.exec(p);
    if (!m) {
      if (host === p || host.endsWith('.' + p)) return true;
      continue;
    }
    const [, scheme, hostPart = ''] = m;
    const path = p.slice(p.indexOf('/', p.indexOf('//') + 2));
    if (scheme !== '*' && scheme + ':' !== u.protocol) continue;
    if (scheme === '*' && u.protocol !== 'http:' && u.protocol !== 'https:') continue;
    const hostOk =
      hostPart === '*' ||
      (hostPart.startsWith('*.') ? host === hostPart.slice(2) || host.endsWith(hostPart.slice(1)) : host === hostPart);
    if (hostOk && globToRegExp(path).test(u.pathname + u.search)) return true;
  }
  return false;
}

/** The entry to add when the reader pauses the site of a URL. */
export function siteOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
