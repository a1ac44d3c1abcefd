/**
 * Composed cards: plain sentences in our own words from the structured facts the data hold, each
 * saying whose fact it is, and dated details where the data have dates. Used for every atlas
 * entry (marked summaryComposed); a hand entry's own text wins over it at build time. Pure module.
 */
import type { Detail, Source } from '../schema';
import type { DatedReport, Draft } from './draft';
import { fitSentences, listWords } from './summary';

const PLURAL: Record<string, string> = { country: 'countries', sector: 'sectors', tool: 'tools' };

/** "A, B, C and 4 other countries". */
function some(items: readonly string[], max: number, other: string): string {
  if (items.length <= max) return listWords(items);
  const rest = items.length - max;
  return `${items.slice(0, max).join(', ')} and ${rest} other ${rest > 1 ? (PLURAL[other] ?? `${other}s`) : other}`;
}

function reportWords(r: DatedReport): string {
  return r.title ? `“${r.title}” (${r.publisher})` : `a report by ${r.publisher}`;
}

/** The first and latest dated reports as details. */
export function reportDetails(
  reports: readonly DatedReport[],
  from: Draft['facts']['reportsFrom'],
  what: string,
): Detail[] {
  const first = reports[0];
  if (!first) return [];
  const whose = from === 'attack' ? 'MITRE ATT&CK cites' : 'the data sets cite (date read from its address)';
  const out: Detail[] = [
    {
      date: first.date,
      text: `Earliest report on ${what} that ${whose}: ${reportWords(first)}. It stands in for the first public report, which may be earlier.`,
    },
  ];
  const last = reports[reports.length - 1]!;
  if (last !== first && last.date > first.date)
    out.push({ date: last.date, text: `Latest report on ${what} that ${whose}: ${reportWords(last)}.` });
  return out;
}

/** Sources for the reports the details cite, where their addresses may be shown. */
export function reportSources(reports: readonly DatedReport[]): Source[] {
  const picked = [reports[0], reports[reports.length - 1]].filter((r): r is DatedReport => r?.url !== undefined);
  return picked.map((r) => ({
    url: r.url!,
    title: r.title ?? `${r.publisher} report`,
    publisher: r.publisher,
    date: r.date,
  }));
}

export interface ComposeContext {
  /** Draft by id (after ids and links are settled). */
  byId: ReadonlyMap<string, Draft>;
  countryName: (code: string) => string | undefined;
}

/** "tied to Russia by Microsoft": the group's first attribution with who makes it. */
function stateOf(d: Draft, ctx: ComposeContext): string | undefined {
  const a = d.entry.attribution?.[0];
  const country = a ? ctx.countryName(a.country) : undefined;
  if (!a || !country) return undefined;
  const by = a.by.slice(0, 2);
  return `tied to ${country} by ${listWords(a.by.length > 2 ? [...by, 'others'] : by)}`;
}

export function actorSummaryText(d: Draft, ctx: ComposeContext): string {
  const f = d.facts;
  const words = f.stateWords ?? [];
  const direct = words.filter((a) => a.direct);
  const reported = words.filter((a) => !a.direct);
  let lead = 'Hacking group';
  if (f.microsoftName && f.microsoftName !== d.name) lead += ` that Microsoft tracks as ${f.microsoftName}`;
  const claims = [
    ...direct.map((a) => `${listWords(a.by)} ${a.by.length > 1 ? 'link' : 'links'} it to ${a.country}`),
    ...reported.map((a) => `reporting by ${listWords(a.by)} ties it to ${a.country}`),
  ];
  const sentences: string[] = [];
  sentences.push(
    claims.length > 0
      ? `${lead}; ${listWords(claims)}.`
      : `${lead} listed in public threat-naming data${d.attackId ? ` and in MITRE ATT&CK (${d.attackId})` : ''}; the data tie it to no state.`,
  );
  if (f.separate)
    sentences.push(
      `${f.separate.trackedBy} tracks ${d.name} as a group of its own; ${f.separate.mappedBy}'s naming map lists the name under ${f.separate.mappedTo}.`,
    );
  if (f.targetCountries.length > 0 || f.targetSectors.length > 0) {
    const what =
      f.targetSectors.length > 0
        ? `the ${some(f.targetSectors, 3, 'sector')}${f.targetSectors.length > 3 ? '' : f.targetSectors.length > 1 ? ' sectors' : ' sector'}`
        : 'organisations';
    const where = f.targetCountries.length > 0 ? ` in ${some(f.targetCountries, 4, 'country')}` : '';
    sentences.push(`MISP galaxy lists it as targeting ${what}${where}.`);
  }
  const tools = d.links
    .filter((l) => l.type === 'uses')
    .map((l) => ctx.byId.get(l.id)?.name)
    .filter((n): n is string => n !== undefined)
    .sort((a, b) => a.localeCompare(b));
  if (tools.length > 0) sentences.push(`ATT&CK lists it using ${some(tools, 4, 'tool')}.`);
  const names = [...d.aliases.filter((a) => !a.disputed && a.lang === 'en'), ...(f.unmatchedNames ?? [])]
    .filter((a) => a.text !== d.name && a.text !== f.microsoftName)
    .filter((a, i, all) => all.findIndex((b) => b.text === a.text) === i)
    .slice(0, 5);
  if (names.length > 0)
    sentences.push(`Other names: ${names.map((n) => (n.coinedBy ? `${n.text} (${n.coinedBy})` : n.text)).join(', ')}.`);
  const disputed = d.aliases.filter((a) => a.disputed).map((a) => a.text);
  if (disputed.length > 0)
    sentences.push(
      `Sources also give the name${disputed.length > 1 ? 's' : ''} ${listWords(disputed.slice(0, 3))} to other groups.`,
    );
  return fitSentences(sentences);
}

export function actorDetails(d: Draft, ctx: ComposeContext): Detail[] {
  const out = reportDetails(d.facts.reports, d.facts.reportsFrom, 'the group');
  const ops = [...ctx.byId.values()].filter(
    (o) => o.kind === 'operation' && o.links.some((l) => l.type === 'attributed-to' && l.id === d.id),
  );
  for (const o of ops) {
    const seen = o.entry.dates[0];
    if (!seen) continue;
    out.push({
      date: seen.start,
      text: `ATT&CK attributes the campaign ${o.name} (${o.attackId}) to it, with activity seen ${seen.end ? `from ${seen.start} to ${seen.end}` : `in ${seen.start}`}.`,
    });
  }
  for (const c of d.facts.unnamedCampaigns) {
    if (!c.firstSeen) continue;
    out.push({
      date: c.firstSeen,
      text: `ATT&CK attributes to it a campaign it names only ${c.attackId}, with activity seen ${c.lastSeen && c.lastSeen !== c.firstSeen ? `from ${c.firstSeen} to ${c.lastSeen}` : `in ${c.firstSeen}`}${c.title ? `, described in “${c.title}”` : ''}.`,
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export function softwareSummaryText(d: Draft, ctx: ComposeContext): string {
  const type = d.entry.softwareType === 'tool' ? 'Tool' : 'Malware family';
  const users = d.links
    .filter((l) => l.type === 'used-by')
    .map((l) => ctx.byId.get(l.id))
    .filter((u): u is Draft => u !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
  const shown = users.slice(0, 3).map((u) => {
    const s = stateOf(u, ctx);
    return s ? `${u.name} (${s})` : u.name;
  });
  const total = Math.max(d.facts.attackUsers ?? 0, users.length);
  const rest = total - shown.length;
  const sentences = [
    shown.length > 0
      ? `${type} that MITRE ATT&CK (${d.attackId}) lists as used by ${rest > 0 ? `${shown.join(', ')} and ${rest} other group${rest > 1 ? 's' : ''}` : listWords(shown)}.`
      : `${type} tracked by MITRE ATT&CK as ${d.attackId}.`,
  ];
  if (d.entry.softwareType === 'tool')
    sentences.push('Criminals and security testers use it too, so a mention alone does not point to a state.');
  else if (d.facts.crimeToo)
    sentences.push('Financially motivated groups use it too, so a mention alone does not point to a state.');
  const first = d.facts.reports[0];
  if (first) sentences.push(`The earliest report ATT&CK cites on it dates from ${first.date.slice(0, 4)}.`);
  if (d.facts.platforms && d.facts.platforms.length > 0)
    sentences.push(`Platforms: ${d.facts.platforms.slice(0, 5).join(', ')}.`);
  return fitSentences(sentences);
}

export function campaignSummaryText(d: Draft, ctx: ComposeContext): string {
  const groups = d.links
    .filter((l) => l.type === 'attributed-to')
    .map((l) => ctx.byId.get(l.id))
    .filter((g): g is Draft => g !== undefined)
    .map((g) => {
      const s = stateOf(g, ctx);
      return s ? `${g.name} (${s})` : g.name;
    });
  const seen = d.entry.dates[0];
  const when = seen
    ? seen.end
      ? ` with activity seen from ${seen.start} to ${seen.end}`
      : ` with activity first seen in ${seen.start}`
    : '';
  return fitSentences([
    groups.length > 0
      ? `Campaign that MITRE ATT&CK (${d.attackId}) attributes to ${listWords(groups)}${when}.`
      : `Campaign tracked by MITRE ATT&CK as ${d.attackId}${when}; ATT&CK names no group behind it.`,
  ]);
}

export function campaignDetails(d: Draft): Detail[] {
  const out: Detail[] = [];
  const seen = d.entry.dates[0];
  if (seen) {
    out.push({ date: seen.start, text: 'First activity ATT&CK records for the campaign.' });
    if (seen.end && seen.end !== seen.start)
      out.push({ date: seen.end, text: 'Last activity ATT&CK records for the campaign.' });
  }
  out.push(...reportDetails(d.facts.reports, d.facts.reportsFrom, 'the campaign'));
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** Writes summary, details, firstReported and report sources on every draft. */
export function composeAll(drafts: readonly Draft[], ctx: ComposeContext): void {
  for (const d of drafts) {
    if (d.kind === 'threat-actor') {
      d.entry.summary = actorSummaryText(d, ctx);
      d.entry.details = actorDetails(d, ctx);
    } else if (d.kind === 'malware') {
      d.entry.summary = softwareSummaryText(d, ctx);
      d.entry.details = reportDetails(d.facts.reports, d.facts.reportsFrom, 'it');
    } else {
      d.entry.summary = campaignSummaryText(d, ctx);
      d.entry.details = campaignDetails(d);
    }
    const first = d.facts.reports[0]?.date;
    if (first && !d.entry.firstReported) d.entry.firstReported = first;
    const extra = reportSources(d.facts.reports);
    const urls = new Set(d.entry.sources.map((s) => s.url));
    d.entry.sources = [...d.entry.sources, ...extra.filter((s) => !urls.has(s.url) && urls.add(s.url))].slice(0, 5);
  }
}
