/**
 * The verdict for a text in a language without a lexicon of its own. Every lexicon still applies
 * (the loanwords of assets/lexicon/intl.json, "APT", "malware", "hacker", and names of entries), so
 * the score is computed as for any text; what is missing is the language's own words, which in a
 * supported language carry the look-alike penalties (weather typhoons, spy trials, ransomware
 * gangs). So the verdict also asks for evidence a language cannot fake: a knowledge-base entry of
 * a kind that is itself about hacking (a group, malware, an operation, an allegation or an
 * action), or two distinct agencies, or a name in a vendor's naming scheme. Thresholds are data
 * (assets/lexicon/model.json, "noLexicon"). Pure module.
 */
import type { Kind } from '../kb/schema';
import type { LexiconModel } from './lexicon';
import type { Hit, Matcher } from './matcher';

/** Kinds whose entry names a hacking group, a tool or a cyber event on their own. */
const STRONG_KINDS: ReadonlySet<Kind> = new Set(['threat-actor', 'malware', 'operation', 'allegation', 'action']);

export interface IndependentEvidence {
  /** Distinct entries of a strong kind (criminal groups and destructive outbreaks excluded). */
  strong: number;
  /** Distinct agencies and other organisations (not those that weigh nothing: armed forces). */
  organizations: number;
  /** Distinct names that fit a vendor's naming scheme. */
  patternNames: number;
}

export function independentEvidence(
  hits: readonly Hit[],
  matcher: Pick<Matcher, 'term' | 'id' | 'kind' | 'verdictClass'>,
  patternNames: number,
): IndependentEvidence {
  const strong = new Set<string>();
  const orgs = new Set<string>();
  for (const h of hits) {
    if (matcher.term(h.pattern) >= 0) continue;
    const kind = matcher.kind(h.pattern);
    if (!kind) continue;
    const id = matcher.id(h.pattern);
    const cls = matcher.verdictClass(h.pattern);
    if (STRONG_KINDS.has(kind) && cls !== 'criminal' && cls !== 'destructive' && cls !== 'tool') strong.add(id);
    else if (kind === 'organization' && cls !== 'background') orgs.add(id);
  }
  return { strong: strong.size, organizations: orgs.size, patternNames };
}

/** Whether a text in a language without a lexicon has enough evidence for an espionage verdict. */
export function passesWithoutLexicon(
  score: number,
  ev: IndependentEvidence,
  model: Pick<LexiconModel, 'noLexicon'>,
): boolean {
  const rule = model.noLexicon;
  if (score < rule.minScore) return false;
  return ev.strong + ev.patternNames >= rule.minStrong || ev.organizations >= rule.minOrganizations;
}
