/**
 * Malware and tool drafts: the ATT&CK software that state-linked groups use, with their names,
 * the groups that use them, and their dated reports. Pure module.
 */
import type { CueSet } from '../schema';
import { attackPage, emptyFacts, type AliasDraft, type Draft } from './draft';
import type { AttackGroup, AttackSoftware } from './inputs';
import { nameFlags, nameKey, skipReason, splitNames, type NameRules } from './names';
import type { Skipped } from './actors';
import { citationReports } from './reports';
import type { SourcePicker } from './sources';
import type { CommonWords } from './config';

export interface SoftwareInput {
  software: readonly AttackSoftware[];
  groups: readonly AttackGroup[];
  actorOfGroup: (attackId: string) => Draft | undefined;
  crimeGroups: ReadonlySet<string>;
  strongGroups: ReadonlySet<string>;
  commonWords: CommonWords;
  rules: NameRules;
  picker: SourcePicker;
  asOf: string;
  skipped: Skipped[];
  skippedRecords: { record: string; reason: string }[];
}

/** A user's names that can stand in a cue set: its display name and names matched without context. */
function cueNames(d: Draft): string[] {
  const out = [d.name, ...d.aliases.filter((a) => !a.requiresContext && !a.disputed).map((a) => a.text)];
  return [...new Set(out.filter((n) => n.length >= 4))];
}

export function softwareDrafts(input: SoftwareInput): Draft[] {
  const { rules, skipped } = input;
  const dualUse = new Set(input.commonWords.dualUseTools.map((t) => t.toLowerCase()));
  const skipTools = new Set(input.commonWords.skipTools.map((t) => t.toLowerCase()));
  const users = new Map<string, Draft[]>();
  const attackUsers = new Map<string, number>();
  const usedByCrime = new Set<string>();
  for (const g of input.groups) {
    for (const s of g.software) attackUsers.set(s, (attackUsers.get(s) ?? 0) + 1);
    if (input.crimeGroups.has(g.attackId)) for (const s of g.software) usedByCrime.add(s);
    const actor = input.actorOfGroup(g.attackId);
    if (!actor || !input.strongGroups.has(g.attackId)) continue;
    for (const s of g.software) users.set(s, [...(users.get(s) ?? []), actor]);
  }
  const out: Draft[] = [];
  for (const s of [...input.software].sort((a, b) => a.attackId.localeCompare(b.attackId))) {
    const us = users.get(s.attackId);
    if (!us) continue;
    if (s.type === 'tool' && (skipTools.has(s.name.toLowerCase()) || !dualUse.has(s.name.toLowerCase()))) {
      input.skippedRecords.push({ record: `attack:${s.attackId} ${s.name}`, reason: 'everyday or system tool' });
      continue;
    }
    const d = softwareDraft(s, [...new Set(us)], rules, input.asOf, skipped);
    d.facts.reports = citationReports(input.picker, s.citations);
    if (d.facts.reports.length > 0) d.facts.reportsFrom = 'attack';
    d.facts.attackUsers = attackUsers.get(s.attackId) ?? 0;
    // Malware that financially motivated groups use too is matched only in a text about hacking, and
    // its card says so: a mention of it says little about a state.
    if (usedByCrime.has(s.attackId) && !dualUse.has(s.name.toLowerCase())) {
      d.facts.crimeToo = true;
      d.aliases = d.aliases.map((a) => ({ ...a, requiresContext: true }));
    }
    out.push(d);
  }
  return out;
}

/**
 * One ATT&CK software record as a draft. A name that is an ordinary word is matched only when
 * written in capitals as vendors do ("CALENDAR", with context); one spelt like a plain word
 * ("Carbon", "Milan") is not matched alone: the draft gets a cue set, the name and one of its
 * users' names in the same paragraph.
 */
export function softwareDraft(
  s: AttackSoftware,
  users: Draft[],
  rules: NameRules,
  asOf: string,
  skipped: Skipped[],
): Draft {
  const aliases: AliasDraft[] = [];
  const ordinary: string[] = [];
  for (const raw of [s.name, ...s.aliases])
    for (const text of splitNames(raw)) {
      if (skipReason(text, rules) || aliases.some((a) => nameKey(a.text) === nameKey(text))) continue;
      const f = nameFlags(text, rules, { kind: 'malware' });
      if (f.drop) {
        // Only an entry left with no matched name needs the cue set.
        const letters = text.replace(/[^A-Za-z]/g, '');
        if (text === text.toUpperCase() && letters.length >= 4 && /^[A-Z]+$/.test(text)) {
          aliases.push({
            text,
            lang: 'en',
            caseSensitive: true,
            requiresContext: true,
            ...(text === s.name ? { primary: true } : {}),
          });
          continue;
        }
        skipped.push({
          name: text,
          reason: `${f.drop} (with no other name, a cue set with its users' names reaches it)`,
          where: `attack-software.json ${s.attackId}`,
        });
        if (letters.length >= 3) ordinary.push(text);
        continue;
      }
      aliases.push({
        text,
        lang: 'en',
        ...(f.caseSensitive ? { caseSensitive: true } : {}),
        ...(f.requiresContext || s.type === 'tool' ? { requiresContext: true } : {}),
        ...(text === s.name ? { primary: true } : {}),
      });
    }
  const userNames = [...new Set(users.flatMap(cueNames))].slice(0, 12);
  const cueSets: CueSet[] =
    ordinary.length > 0 && aliases.length === 0 && userNames.length > 0
      ? [{ terms: [[...new Set(ordinary)], userNames] }]
      : [];
  const facts = emptyFacts();
  facts.platforms = s.platforms;
  return {
    key: `software:${s.attackId}`,
    kind: 'malware',
    name: s.name,
    id: '',
    aliases,
    attackId: s.attackId,
    records: [`attack:${s.attackId}`],
    links: users.map((u) => ({ id: u.key, type: 'used-by' as const })),
    facts,
    entry: {
      summary: s.name,
      details: [],
      dates: [],
      related: [],
      sources: [attackPage(s.url, s.name, s.attackId)],
      asOf,
      attackId: s.attackId,
      softwareType: s.type,
      ...(cueSets.length > 0 ? { cueSets } : {}),
      summaryComposed: true,
    },
  };
}
