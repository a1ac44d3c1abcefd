/**
 * Cue sets for drafts left without a name the matcher may match: a group the data tie to a state
 * only weakly (its codes are matched, its word names are not), malware or an operation whose
 * every name is another entry's or an ordinary word. The entry is reached when one of its names
 * shares a paragraph with one of its linked entries' names (the groups that use it, or it is
 * attributed to) or, without those, with a word for its kind (assets/naming/cue-words.json). A
 * reference in words is shown on the page but does not weigh in the espionage verdict. An
 * ordinary single word ("Play") stands beside a word for its kind only with a third word
 * ("group", "gang"): "Google Play" beside "malware" is not the group. Pure module.
 */
import type { KbFile } from '../validate';
import type { ImportConfig } from './config';
import type { Draft } from './draft';
import type { NameRules } from './names';

function ordinaryWord(text: string, rules: NameRules): boolean {
  const t = text.trim();
  return !/\s/.test(t) && (rules.common.has(t.toLowerCase()) || t.replace(/[^\p{L}\p{N}]/gu, '').length <= 3);
}

export function addFallbackCues(
  drafts: readonly Draft[],
  hand: readonly KbFile[],
  rules: NameRules,
  words: ImportConfig['cueWords'],
): void {
  const byId = new Map(drafts.map((d) => [d.id, d]));
  const handName = new Map<string, string>();
  for (const f of hand) {
    const d = f.data as { id?: unknown; name?: unknown };
    if (typeof d?.id === 'string' && typeof d.name === 'string') handName.set(d.id, d.name);
  }
  for (const d of drafts) {
    if (d.aliases.some((a) => !a.disputed)) continue;
    if ((d.entry.cueSets?.length ?? 0) > 0) continue;
    const all = [
      ...new Set([d.name, ...d.aliases.map((a) => a.text), ...(d.facts.unmatchedNames ?? []).map((n) => n.text)]),
    ].filter((n) => n.length >= 3);
    const own = all.filter((n) => !ordinaryWord(n, rules));
    const linked = d.links
      .filter((l) => l.type === 'used-by' || l.type === 'attributed-to')
      .flatMap((l) => {
        const x = byId.get(l.id);
        if (x) return [x.name, ...x.aliases.filter((a) => !a.requiresContext && !a.disputed).map((a) => a.text)];
        const h = handName.get(l.id);
        return h ? [h] : [];
      })
      .filter((n) => n.length >= 4);
    if (linked.length > 0 && all.length > 0) d.entry.cueSets = [{ terms: [all, [...new Set(linked)].slice(0, 12)] }];
    else if (own.length > 0) d.entry.cueSets = [{ terms: [own, [...words[d.kind]]] }];
    else if (all.length > 0) d.entry.cueSets = [{ terms: [all, [...words[d.kind]], [...words.ordinary]] }];
  }
}
