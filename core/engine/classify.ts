/**
 * The espionage verdict, interpretable by construction: every cue is a
 * lexicon term or a knowledge-base entity with a weight, and the verdict
 * is a logistic function of three sums the reader can see as signals.
 *
 *   C = hacking evidence, S = espionage/state evidence, P = look-alike penalties
 *   z = BIAS + A·min(C,S) + B·S + D·C − P        score = 1 / (1 + e^−z)
 *
 * min(C,S) is the core: a spy trial has S but no C, a ransomware story has
 * C but little S, a typhoon report has neither. Sums are divided by the
 * square root of the text's size so long pages do not win by length alone.
 */
import type { Kind } from '../kb/schema';
import type { Lexicon } from './lexicon';
import type { CompiledPattern, Hit } from './matcher';
import type { Signal } from './types';

/** Named sensitivity levels for the options page; "normal" is the default. */
export const SENSITIVITY_THRESHOLDS = { low: 0.7, normal: 0.5, high: 0.3 } as const;
export type Sensitivity = keyof typeof SENSITIVITY_THRESHOLDS;
export const DEFAULT_THRESHOLD = SENSITIVITY_THRESHOLDS.normal;

/** Evidence weights of a knowledge-base mention, by kind of entry. */
export const KIND_WEIGHTS: Record<Kind, { c: number; s: number; p: number }> = {
  'threat-actor': { c: 1.5, s: 2.2, p: 0 },
  operation: { c: 1.0, s: 0.6, p: 0 },
  allegation: { c: 1.0, s: 1.8, p: 0 },
  action: { c: 0.4, s: 1.2, p: 0 },
  organization: { c: 0, s: 0.35, p: 0 },
  concept: { c: 0.3, s: 0.1, p: 0 },
  policy: { c: 0, s: 0, p: 0.4 },
  law: { c: 0, s: 0.2, p: 0 },
};

const BIAS = -3.5;
const A = 0.9;
const B = 0.2;
const D = 0.1;
/** Characters at the start (title and lead) whose cues count double. */
export const LEAD_CHARS = 600;
/** A penalty group cannot outweigh everything else on its own. */
const GROUP_CAP = 3;
/** Size unit for normalisation, in Latin-character equivalents. */
const SIZE_UNIT = 3000;

export interface Features {
  c: number;
  s: number;
  p: number;
  size: number;
  z: number;
}

export interface Verdict {
  espionage: boolean;
  score: number;
  signals: Signal[];
  features: Features;
}

export interface ClassifyInput {
  hits: readonly Hit[];
  patterns: readonly CompiledPattern[];
  lexicon: Lexicon;
  /** Text size in Latin-character equivalents (a CJK character counts as 3). */
  size: number;
  threshold?: number;
}

const grow = (n: number) => (n <= 0 ? 0 : 1 + Math.log(n));

export function classifyHits(input: ClassifyInput): Verdict {
  const { hits, patterns, lexicon } = input;
  const termCounts = new Map<number, { n: number; lead: number; text: string }>();
  const entityCounts = new Map<string, { n: number; lead: number; kind: Kind }>();
  for (const h of hits) {
    const p = patterns[h.pattern]!;
    const lead = h.start < LEAD_CHARS ? 1 : 0;
    if (p.term >= 0) {
      const e = termCounts.get(p.term) ?? { n: 0, lead: 0, text: p.text };
      e.n++;
      e.lead += lead;
      termCounts.set(p.term, e);
    } else if (p.kind) {
      const e = entityCounts.get(p.id) ?? { n: 0, lead: 0, kind: p.kind };
      e.n++;
      e.lead += lead;
      entityCounts.set(p.id, e);
    }
  }

  let c = 0;
  let s = 0;
  const groups = new Map<string, number>();
  const signals: Signal[] = [];
  for (const [ti, { n, lead, text }] of termCounts) {
    const t = lexicon.terms[ti]!;
    const f = grow(n + lead);
    if (t.p > 0) {
      groups.set(t.group, (groups.get(t.group) ?? 0) + t.p * f);
      signals.push({ term: text, type: 'penalty', weight: round(-t.p * f), count: n });
    } else {
      c += t.c * f;
      s += t.s * f;
      signals.push({ term: text, type: 'term', weight: round((t.c + t.s) * f), count: n });
    }
  }
  for (const [id, { n, lead, kind }] of entityCounts) {
    const w = KIND_WEIGHTS[kind];
    const f = grow(n + lead);
    c += w.c * f;
    s += w.s * f;
    if (w.p > 0) groups.set(kind, (groups.get(kind) ?? 0) + w.p * f);
    signals.push({ term: id, type: w.p > 0 ? 'penalty' : 'entity', weight: round((w.c + w.s - w.p) * f), count: n });
  }
  let p = 0;
  for (const g of groups.values()) p += Math.min(GROUP_CAP, g);

  const norm = Math.sqrt(Math.max(1, input.size / SIZE_UNIT));
  const cn = c / norm;
  const sn = s / norm;
  const pn = p / norm;
  const z = BIAS + A * Math.min(cn, sn) + B * sn + D * cn - pn;
  const score = 1 / (1 + Math.exp(-z));
  signals.sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight) || y.count - x.count);
  return {
    espionage: score >= (input.threshold ?? DEFAULT_THRESHOLD),
    score: round(score, 3),
    signals,
    features: { c: round(cn), s: round(sn), p: round(pn), size: input.size, z: round(z) },
  };
}

function round(x: number, digits = 2): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
