/**
 * The background's answer to a page script's read (pure; utils/background-main.ts supplies the
 * matcher, settings and stored choices): the verdict, the mentions to paint, the article's context
 * and the names that fit a vendor naming pattern but are unknown to the knowledge base. Entries the
 * reader muted, or dismissed on this page, are left out of the mentions and everything built on them.
 */
import { analyzePageText } from './engine/analyze';
import { articleBrief, claimWordsOf, type ClaimWords } from './engine/brief';
import { DEFAULT_LEXICON_FILES, getDefaultLexicon } from './engine/lexicon';
import { articleContext } from './engine/article-context';
import type { EventCandidate } from './engine/article-event';
import type { EventIndex } from './engine/event-score';
import type { Hit, Matcher } from './engine/matcher';
import type { PageText, TextMention } from './engine/page';
import { introducedNamesIn } from './engine/introduced-names';
import { patternNamesIn } from './engine/pattern-names';
import { defaultPatterns } from './naming/patterns';
import type { CompiledCueSet } from './engine/references';
import type { Kind } from './kb/kinds';
import type { AnalyzeReply, PageView, PlacedPatternName } from './page-state';
import { hiddenOn, type ReaderChoices } from './reader-choices';
import { isSitePaused, type Settings } from './settings';

export interface ReplyInput {
  page: PageText;
  /** The page's address (the sender's, as the browser reports it). */
  url: string;
  settings: Settings;
  choices: ReaderChoices;
  /** Called only when the page is to be read (not when Spyglass is off or paused there). */
  matcher: () => Matcher;
  kindOf: (id: string) => Kind | undefined;
  cueSets: readonly CompiledCueSet[];
  event: (id: string) => EventCandidate['entry'] | undefined;
  /** Every event, indexed, so the article's event is also found by what it says (called when needed). */
  events?: () => EventIndex;
}

let claimWords: ClaimWords | undefined;
const defaultClaimWords = () => (claimWords ??= claimWordsOf(DEFAULT_LEXICON_FILES));

export function pageView(s: Settings): PageView {
  return {
    hoverCards: s.hoverCards,
    hoverDelayMs: s.hoverDelayMs,
    mentions: s.mentions,
    highlightStyle: s.highlightStyle,
    colors: s.colors,
    language: s.language,
    theme: s.theme,
  };
}

/** Knowledge-base names in the headline line (before `titleEnd`), as spans. */
function headlineNames(matcher: Matcher, page: Pick<PageText, 'text' | 'titleEnd'>): TextMention[] {
  if (page.titleEnd === 0) return [];
  const hits: Hit[] = [];
  matcher.scan(page.text, hits, 0, Math.min(page.titleEnd, page.text.length));
  return hits
    .filter((h) => matcher.term(h.pattern) < 0 && h.end <= page.titleEnd)
    .map((h) => ({ id: matcher.id(h.pattern), start: h.start, end: h.end }));
}

/** Names the article introduces that are neither known (`known`) nor pattern names (`patternNames`). */
export function unknownIntroduced(
  text: string,
  lang: string,
  known: readonly TextMention[],
  patternNames: readonly PlacedPatternName[],
): PlacedPatternName[] {
  return introducedNamesIn({
    text,
    lang,
    known: [...known, ...patternNames],
    files: DEFAULT_LEXICON_FILES,
    isPatternName: (n) => defaultPatterns().patternOf(n) !== undefined,
  });
}

/**
 * The names on the page the knowledge base does not know, in text order: those in a vendor naming
 * pattern, and on an espionage page those the article introduces in words. A known name is never an
 * unknown one, wherever it stands and whether or not it is shown: the headline's names count too
 * (`found` holds the mentions after the headline line only).
 */
export function unknownNames(
  matcher: Matcher,
  page: Pick<PageText, 'text' | 'titleEnd'>,
  found: readonly TextMention[],
  lang: string,
  espionage: boolean,
): PlacedPatternName[] {
  const known = [...headlineNames(matcher, page), ...found];
  const names = patternNamesIn(page.text, known);
  if (espionage) names.push(...unknownIntroduced(page.text, lang, known, names));
  return names.sort((x, y) => x.start - y.start);
}

export function pageReply(input: ReplyInput): AnalyzeReply {
  const { page, settings } = input;
  const view = pageView(settings);
  const none = { score: 0, lang: '', signals: [], paint: false, mentions: [], kinds: {}, view };
  if (!settings.enabled) return { status: 'disabled', ...none };
  if (isSitePaused(input.url, settings.pausedSites)) return { status: 'paused', ...none };
  const matcher = input.matcher();
  const a = analyzePageText(page, { matcher, threshold: settings.threshold });
  const status = !a.isArticle ? 'not-article' : a.espionage ? 'espionage' : 'article';
  const hidden = hiddenOn(input.choices, input.url);
  const found = hidden.size === 0 ? a.found : a.found.filter((f) => !hidden.has(f.id));
  const kinds: Record<string, Kind> = {};
  for (const f of found) kinds[f.id] = input.kindOf(f.id) ?? 'concept';
  const reply: AnalyzeReply = {
    status,
    score: a.score,
    lang: a.lang,
    signals: a.signals.slice(0, 12),
    paint: status === 'espionage' || (status === 'article' && settings.scope === 'any-article'),
    mentions: found,
    kinds,
    view,
  };
  if (!reply.paint) return reply;
  const ctx = articleContext({
    text: page.text,
    found,
    cueSets: input.cueSets,
    entry: input.event,
    ...(input.events ? { events: input.events() } : {}),
    ...(page.published ? { published: page.published } : {}),
  });
  const references = ctx.references.filter((r) => !hidden.has(r.id));
  if (references.length > 0) reply.references = references;
  if (ctx.event && !hidden.has(ctx.event.id)) reply.event = ctx.event;
  // No event of the knowledge base fits: what the article itself says, quoted (espionage pages only).
  else if (status === 'espionage') {
    const brief = articleBrief({
      text: page.text,
      titleEnd: page.titleEnd,
      found,
      kindOf: input.kindOf,
      matcher,
      lexicon: getDefaultLexicon(),
      words: defaultClaimWords(),
    });
    if (brief) reply.brief = brief;
  }
  const names = unknownNames(matcher, page, a.found, a.lang, status === 'espionage');
  if (names.length > 0) reply.patternNames = names;
  return reply;
}
