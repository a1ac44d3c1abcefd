/**
 * Cue sets for malware and operation drafts that were left without a name the matcher may match
 * (each name is another entry's, or too ordinary): the entry is reached when one of its names and
 * one of its linked entries' names (the groups that use it, or it is attributed to) share a
 * paragraph; with no linked entry, when its name stands beside a word for its kind. Pure module.
 */
import type { KbFile } from '../validate';
import type { Draft } from './draft';

const KIND_WORDS = {
  malware: ['malware', 'backdoor', 'implant', 'trojan', 'loader', 'spyware'],
  operation: ['campaign', 'operation', 'intrusion', 'intrusions', 'espionage'],
} as const;

export function addFallbackCues(drafts: readonly Draft[], hand: readonly KbFile[]): void {
  const byId = new Map(drafts.map((d) => [d.id, d]));
  const handName = new Map<string, string>();
  for (const f of hand) {
    const d = f.data as { id?: unknown; name?: unknown };
    if (typeof d?.id === 'string' && typeof d.name === 'string') handName.set(d.id, d.name);
  }
  for (const d of drafts) {
    if (d.kind === 'threat-actor' || d.aliases.some((a) => !a.disputed)) continue;
    if ((d.entry.cueSets?.length ?? 0) > 0) continue;
    const own = [...new Set([d.name, ...d.aliases.map((a) => a.text)])].filter((n) => n.length >= 3);
    const linked = d.links
      .filter((l) => l.type === 'used-by' || l.type === 'attributed-to')
      .flatMap((l) => {
        const x = byId.get(l.id);
        if (x) return [x.name, ...x.aliases.filter((a) => !a.requiresContext && !a.disputed).map((a) => a.text)];
        const h = handName.get(l.id);
        return h ? [h] : [];
      })
      .filter((n) => n.length >= 4);
    const second = linked.length > 0 ? [...new Set(linked)].slice(0, 12) : [...KIND_WORDS[d.kind]];
    if (own.length > 0) d.entry.cueSets = [{ terms: [own, second] }];
  }
}
