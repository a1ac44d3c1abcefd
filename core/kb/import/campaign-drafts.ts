/**
 * Operation drafts from ATT&CK's campaigns. A campaign ATT&CK names only by its id ("C0017") is
 * not an entry of its own (no page can name it): it becomes a dated fact on the card of the group
 * ATT&CK attributes it to, or, with no such group, a skipped record. Pure module.
 */
import type { Skipped } from './actors';
import { attackPage, emptyFacts, pickSources, type AliasDraft, type Draft } from './draft';
import type { AttackCampaign } from './inputs';
import { nameFlags, nameKey, skipReason, splitNames, type NameRules } from './names';
import { citationReports } from './reports';
import type { SourcePicker } from './sources';

export interface CampaignInput {
  campaigns: readonly AttackCampaign[];
  actorOfGroup: (attackId: string) => Draft | undefined;
  rules: NameRules;
  picker: SourcePicker;
  asOf: string;
  skipped: Skipped[];
  skippedRecords: { record: string; reason: string }[];
}

export function campaignDrafts(input: CampaignInput): Draft[] {
  const { rules, skipped, picker } = input;
  const out: Draft[] = [];
  for (const c of [...input.campaigns].sort((a, b) => a.attackId.localeCompare(b.attackId))) {
    const groups = c.attributedTo.map(input.actorOfGroup).filter((x): x is Draft => x !== undefined);
    const aliases: AliasDraft[] = [];
    for (const raw of [c.name, ...c.aliases])
      for (const text of splitNames(raw)) {
        const why = skipReason(text, rules);
        if (why) {
          if (!/^C\d{4}$/.test(text))
            skipped.push({ name: text, reason: why, where: `attack-campaigns.json ${c.attackId}` });
          continue;
        }
        if (aliases.some((a) => nameKey(a.text) === nameKey(text))) continue;
        const f = nameFlags(text, rules, { kind: 'operation' });
        if (f.drop) {
          skipped.push({ name: text, reason: f.drop, where: `attack-campaigns.json ${c.attackId}` });
          continue;
        }
        aliases.push({
          text,
          lang: 'en',
          ...(f.caseSensitive ? { caseSensitive: true } : {}),
          ...(f.requiresContext ? { requiresContext: true } : {}),
          ...(text === c.name ? { primary: true } : {}),
        });
      }
    const reports = citationReports(picker, c.citations);
    if (aliases.length === 0) {
      const title = reports[0]?.title;
      for (const g of groups)
        g.facts.unnamedCampaigns.push({
          attackId: c.attackId,
          ...(c.firstSeen ? { firstSeen: c.firstSeen } : {}),
          ...(c.lastSeen ? { lastSeen: c.lastSeen } : {}),
          ...(title ? { title } : {}),
        });
      input.skippedRecords.push({
        record: `attack:${c.attackId}`,
        reason:
          groups.length > 0
            ? `a campaign ATT&CK names only by its id: a dated fact on ${groups.map((g) => g.name).join(', ')}`
            : 'a campaign ATT&CK names only by its id and ties to no group: nothing can name it',
      });
      continue;
    }
    const facts = emptyFacts();
    facts.reports = reports;
    if (reports.length > 0) facts.reportsFrom = 'attack';
    const d: Draft = {
      key: `campaign:${c.attackId}`,
      kind: 'operation',
      name: c.name,
      id: '',
      aliases,
      attackId: c.attackId,
      records: [`attack:${c.attackId}`],
      links: groups.map((g) => ({ id: g.key, type: 'attributed-to' as const })),
      facts,
      entry: {
        summary: c.name,
        details: [],
        dates: c.firstSeen
          ? [
              {
                label: 'activity seen (ATT&CK)',
                start: c.firstSeen,
                ...(c.lastSeen && c.lastSeen >= c.firstSeen ? { end: c.lastSeen } : {}),
              },
            ]
          : [],
        related: [],
        sources: pickSources(picker, c.refs, [attackPage(c.url, c.name, c.attackId)]),
        asOf: input.asOf,
        attackId: c.attackId,
        ...(c.firstSeen ? { firstReported: c.firstSeen } : {}),
        summaryComposed: true,
      },
    };
    out.push(d);
  }
  return out;
}
