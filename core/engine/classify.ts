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
 * Every weight and constant is data: assets/lexicon/*.json (terms) and
 * assets/lexicon/model.json (BIAS, A, B, D, per-kind entity weights).
 */
import type { Kind } from '../kb/schema';
import type { VerdictClass } from '../kb/kinds';
import type { Lexicon } from './lexicon';
import type { Hit, Matcher } from './matcher';
import type { Signal } from './types';

/** Named sensitivity levels for the options page; "normal" is the default. */
export const SENSITIVITY_THRESHOLDS = { low: 0.7, normal: 0.5, high: 0.3 } as const;
export type Sensitivity = keyof typeof SENSITIVITY_THRESHOLDS;
export const DEFAULT_THRESHOLD = SENSITIVITY_THRESHOLDS.normal;

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
  /** Pattern accessors (a Matcher). */
  patterns: Pick<Matcher, 'term' | 'id' | 'kind' | 'verdictClass' | 'text'>;
  lexicon: Lexicon;
  /** Text size in Latin-character equivalents (a CJK character counts as 3). */
  size: number;
  threshold?: number;
}

const grow = (n: number) => (n <= 0 ? 0 : 1 + Math.log(n));

export function classifyHits(input: ClassifyInput): Verdict {
  const { hits, patterns, lexicon } = input;
  const model = lexicon.model;
  const termCounts = new Map<number, { n: number; lead: number; text: string }>();
  const entityCounts = new Map<string, { n: number; lead: number; kind: Kind; cls: VerdictClass | undefined }>();
  for (const h of hits) {
    const lead = h.start < model.leadChars ? model.leadBoost : 0;
    const term = patterns.term(h.pattern);
    const kind = term >= 0 ? undefined : patterns.kind(h.pattern);
    if (term >= 0) {
      let e = termCounts.get(term);
      if (!e) termCounts.set(term, (e = { n: 0, lead: 0, text: patterns.text(h.pattern) }));
      e.n++;
      e.lead += lead;
    } else if (kind) {
      const id = patterns.id(h.pattern);
      let e = entityCounts.get(id);
      if (!e) entityCounts.set(id, (e = { n: 0, lead: 0, kind, cls: patterns.verdictClass(h.pattern) }));
      e.n++;
      e.lead += lead;
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
  for (const [id, { n, lead, kind, cls }] of entityCounts) {
    const w = (cls && model.classes[cls]) || model.kinds[kind];
    const f = grow(n + lead);
    c += w.c * f;
    s += w.s * f;
    if (w.p > 0) groups.set(kind, (groups.get(kind) ?? 0) + w.p * f);
    signals.push({ term: id, type: w.p > 0 ? 'penalty' : 'entity', weight: round((w.c + w.s - w.p) * f), count: n });
  }
  let p = 0;
  for (const g of groups.values()) p += Math.min(model.groupCap, g);

  const norm = Math.sqrt(Math.max(1, input.size / model.sizeUnit));
  const cn = c / norm;
  const sn = s / norm;
  const pn = p / norm;
  const z = model.bias + model.a * Math.min(cn, sn) + model.b * sn + model.d * cn - pn;
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
