/**
 * One pass over the article text: gate, region, matcher (knowledge-base
 * aliases and lexicon cues in the same automaton), context rules, verdict.
 * analyzeDocumentAsync() runs the same steps in slices of ~10 ms.
 */
import type { MatcherPattern } from './types';
import { CLS_HAN, CLS_HANGUL, CLS_KANA, CLS_SPACE, charClasses } from './chars';
import { classifyHits, DEFAULT_THRESHOLD, type Features } from './classify';
import { detectLangDetail, type LangProfiles } from './lang';
import { patternNamesIn } from './pattern-names';
import { independentEvidence, passesWithoutLexicon } from './unsupported-lang';
import { getDefaultLexicon, type Lexicon } from './lexicon';
import { compileMatcher, type Hit, type Matcher, type MatcherData } from './matcher';
import {
  MAX_TEXT,
  placeMentions,
  readPageSteps,
  STORE_CHECK_CHARS,
  type PageFacts,
  type PageText,
  type TextMention,
} from './page';
import { runSteps } from './region';
import { runStepsSliced } from './slice';
import type { Analysis, Mention } from './types';

export interface AnalyzeOptions {
  /** Built with buildMatcherData() so it holds the lexicon cues too. */
  matcher: Matcher;
  lexicon?: Lexicon;
  /** Score at or above which the verdict is espionage (0..1). */
  threshold?: number;
  /** Characters either side of a context-requiring alias that must hold a hacking cue. */
  contextWindow?: number;
  /** Language profiles of the detector (default: every lexicon's); eval leaves one language out. */
  langProfiles?: LangProfiles;
}

export interface AsyncOptions extends AnalyzeOptions {
  /** Longest stretch of work before yielding to the event loop, in ms. */
  sliceMs?: number;
  signal?: AbortSignal;
}

/** Analysis plus what scripts need to explain it. */
export interface AnalysisDetail extends Analysis {
  features: Features;
  /** Length of the analysed text. */
  textLength: number;
}

/** Matcher data for the extension build: knowledge-base aliases plus the lexicon. */
export function buildMatcherData(kb: readonly MatcherPattern[], lexicon: Lexicon = getDefaultLexicon()): MatcherData {
  return compileMatcher(kb, lexicon.patterns);
}

const CONTEXT_WINDOW = 400;
const SCAN_CHUNK = 65536;
/** Below this size (Latin-character equivalents) a text is not an article. */
const MIN_ARTICLE_SIZE = 600;

/** Size in Latin-character equivalents: a CJK character counts as three. */
export function textSize(text: string): number {
  const cls = charClasses();
  let size = 0;
  for (let i = 0; i < text.length; i++) {
    const k = cls[text.charCodeAt(i)];
    if (k === CLS_SPACE) continue;
    size += k === CLS_HAN || k === CLS_KANA || k === CLS_HANGUL ? 3 : 1;
  }
  return size;
}

function* scanSteps(matcher: Matcher, text: string): Generator<void, Hit[]> {
  const hits: Hit[] = [];
  let from = 0;
  while (from < text.length) {
    from = matcher.scan(text, hits, from, Math.min(text.length, from + SCAN_CHUNK));
    if (from < text.length) yield;
  }
  return hits;
}

interface Judged {
  espionage: boolean;
  score: number;
  signals: Analysis['signals'];
  features: Features;
  lang: string;
  /** Knowledge-base hits that stand (context rules applied). */
  entityHits: Hit[];
}

function judge(text: string, hits: Hit[], isArticle: boolean, options: AnalyzeOptions, declared?: string): Judged {
  const { matcher } = options;
  const lexicon = options.lexicon ?? getDefaultLexicon();
  const window = options.contextWindow ?? CONTEXT_WINDOW;

  // Positions of hacking cues, in text order (hits are in order).
  const cues: number[] = [];
  for (const h of hits) {
    const term = matcher.term(h.pattern);
    let cue: boolean;
    if (term >= 0) cue = (lexicon.terms[term]?.c ?? 0) > 0;
    else {
      const kind = matcher.kind(h.pattern);
      cue = !matcher.requiresContext(h.pattern) && (kind === 'threat-actor' || kind === 'operation');
    }
    if (cue) cues.push(h.start);
  }
  const hasCueNear = (pos: number) => {
    let lo = 0;
    let hi = cues.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cues[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    const after = cues[lo];
    const before = cues[lo - 1];
    return (after !== undefined && after - pos <= window) || (before !== undefined && pos - before <= window);
  };

  const counted: Hit[] = [];
  const needDocContext: Hit[] = [];
  for (const h of hits) {
    if (matcher.requiresContext(h.pattern) && !hasCueNear(h.start)) needDocContext.push(h);
    else counted.push(h);
  }
  const guess = detectLangDetail(text, declared, options.langProfiles);
  const lang = guess.lang;
  const verdict = classifyHits({
    hits: counted,
    patterns: matcher,
    lexicon,
    size: textSize(text),
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
  });
  let espionage = verdict.espionage && isArticle;
  // No lexicon of the text's own language (or only a neighbour's, read weakly): the verdict may
  // also rest on evidence no language can fake.
  const weak = lang === 'other' || guess.share < lexicon.model.noLexicon.weakShare;
  if (weak && isArticle && !espionage) {
    // The language's own words are invisible here, so the evidence is not diluted by the text's size.
    const unscaled = classifyHits({
      hits: counted,
      patterns: matcher,
      lexicon: { ...lexicon, model: { ...lexicon.model, bias: lexicon.model.noLexicon.bias } },
      size: Math.min(textSize(text), lexicon.model.sizeUnit),
      threshold: options.threshold ?? DEFAULT_THRESHOLD,
    });
    const names = unscaled.espionage ? patternNamesIn(text, knownSpans(counted)).length : 0;
    espionage =
      unscaled.espionage &&
      passesWithoutLexicon(unscaled.score, independentEvidence(counted, matcher, names), lexicon.model);
    if (lang === 'other' || espionage)
      Object.assign(verdict, { score: unscaled.score, features: unscaled.features, signals: unscaled.signals });
  }
  const entityHits = counted.filter((h) => matcher.term(h.pattern) < 0);
  // A whole article about espionage is context enough for "Lazarus" or "Equation".
  if (espionage) {
    for (const h of needDocContext) if (matcher.term(h.pattern) < 0) entityHits.push(h);
    entityHits.sort((a, b) => a.start - b.start);
  }
  return { espionage, score: verdict.score, signals: verdict.signals, features: verdict.features, lang, entityHits };
}

/** Knowledge-base hits as spans, so naming-scheme names are looked for only outside them. */
function knownSpans(hits: readonly Hit[]): { id: string; start: number; end: number }[] {
  return hits.map((h) => ({ id: '', start: h.start, end: h.end }));
}

export function analyzeText(text: string, options: AnalyzeOptions): AnalysisDetail {
  const hits = runSteps(scanSteps(options.matcher, text));
  const isArticle = textSize(text) >= MIN_ARTICLE_SIZE;
  const j = judge(text, hits, isArticle, options);
  const mentions: Mention[] = j.entityHits.map((h) => ({
    id: options.matcher.id(h.pattern),
    text: text.slice(h.start, h.end),
    start: h.start,
    end: h.end,
  }));
  return {
    isArticle,
    espionage: j.espionage,
    score: j.score,
    signals: j.signals,
    mentions,
    lang: j.lang,
    features: j.features,
    textLength: text.length,
  };
}

/** Pages the gate lets through that still are not one article: hubs, 404s, forums, records, stores. */
export function looksLikeArticle(facts: PageFacts, bodyText: string): boolean {
  const size = textSize(bodyText);
  if (size < MIN_ARTICLE_SIZE) return false;
  if (!facts.gatePassed && size < 3000) return false;
  if (facts.notFoundTitle && size < 3000) return false;
  if (facts.linkChars > bodyText.length * 0.5) return false;
  if (facts.linkHeavyBody) return false;
  // Records and catalogue pages (trial registries, vulnerability databases):
  // the text is mostly fields, list entries and links, with almost no paragraphs.
  const solid = facts.solidChars;
  if (
    solid > 0 &&
    facts.structuredChars > solid * 0.65 &&
    facts.fieldChars > solid * 0.2 &&
    facts.paragraphChars < solid * 0.1
  )
    return false;
  // Store pages: product markup, or a shopping cart next to prices, around a short text.
  // (page.ts looks for the markup whenever size can be under STORE_CHECK_CHARS.)
  if (size < STORE_CHECK_CHARS && facts.store) return false;
  // Listings: the text is nearly all list items, links or cells, with no paragraph at all (a paste, a feed).
  if (solid > 0 && facts.structuredChars > solid * 0.9 && facts.paragraphChars === 0) return false;
  if (facts.forum) return false;
  if (facts.home) return false;
  return true;
}

/** The text half: verdict and mentions (offsets in page.text) from what the page half read. */
export function analyzePageText(page: PageText, options: AnalyzeOptions): AnalysisDetail & { found: TextMention[] } {
  const text = page.text.length > MAX_TEXT ? page.text.slice(0, MAX_TEXT) : page.text;
  const hits = runSteps(scanSteps(options.matcher, text));
  const isArticle = looksLikeArticle(page.facts, text.slice(page.titleEnd));
  const j = judge(text, hits, isArticle, options, page.declaredLang);
  const found: TextMention[] = [];
  for (const h of j.entityHits)
    if (h.start >= page.titleEnd) found.push({ id: options.matcher.id(h.pattern), start: h.start, end: h.end });
  return {
    isArticle,
    espionage: j.espionage,
    score: j.score,
    signals: j.signals,
    mentions: found.map((f) => ({ ...f, text: text.slice(f.start, f.end) })),
    found,
    lang: j.lang,
    features: j.features,
    textLength: text.length,
  };
}

function* analyzeDocumentSteps(doc: Document, options: AnalyzeOptions): Generator<void, AnalysisDetail> {
  const { region, page } = yield* readPageSteps(doc);
  yield;
  const { found, ...a } = analyzePageText(page, options);
  return { ...a, mentions: placeMentions(region, found) };
}

export function analyzeDocument(doc: Document, options: AnalyzeOptions): AnalysisDetail {
  return runSteps(analyzeDocumentSteps(doc, options));
}

/** Same result as analyzeDocument(), with no task longer than about sliceMs plus one step. */
export function analyzeDocumentAsync(doc: Document, options: AsyncOptions): Promise<AnalysisDetail> {
  return runStepsSliced(analyzeDocumentSteps(doc, options), options);
}
