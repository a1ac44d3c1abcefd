/**
 * Summaries composed from an entry's checked fields, in our own words (never a data set's
 * description). Every such entry is marked summaryComposed. Pure module.
 */
const MAX = 320;

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Adds sentences while they fit in the summary limit (the first always fits, cut if it must). */
export function fitSentences(sentences: readonly string[], max = MAX): string {
  let out = '';
  for (const s of sentences) {
    const next = out ? `${out} ${s}` : s;
    if (next.length <= max) out = next;
    else if (!out) out = `${s.slice(0, max - 1).trimEnd()}…`;
  }
  return out;
}

export interface ActorFacts {
  name: string;
  /** Microsoft's current name, when Microsoft's map has the group. */
  microsoftName?: string;
  /** Attributions in words: [{ country: "Russia", by: ["Microsoft"], how: "links" | "reporting" }]. */
  attributions: { country: string; by: string[]; direct: boolean }[];
  /** Other names with their coiners, best known first. */
  otherNames: { text: string; coinedBy?: string }[];
  attackId?: string;
  disputedNames: string[];
}

export function actorSummary(f: ActorFacts): string {
  const first: string[] = [];
  const direct = f.attributions.filter((a) => a.direct);
  const reported = f.attributions.filter((a) => !a.direct);
  let lead = 'Hacking group';
  if (f.microsoftName && f.microsoftName !== f.name) lead += ` that Microsoft tracks as ${f.microsoftName}`;
  const links = direct.map((a) => `${listWords(a.by)} ${a.by.length > 1 ? 'link' : 'links'} it to ${a.country}`);
  const reports = reported.map((a) => `reporting by ${listWords(a.by)} ties it to ${a.country}`);
  const claims = [...links, ...reports];
  if (claims.length > 0) first.push(`${lead}; ${listWords(claims)}.`);
  else
    first.push(
      `${lead} listed in public threat-naming data${f.attackId ? ` and in MITRE ATT&CK (${f.attackId})` : ''}.`,
    );
  const sentences = [...first];
  if (claims.length > 0 && f.attackId) sentences.push(`MITRE ATT&CK lists it as ${f.attackId}.`);
  const names = f.otherNames.filter((n) => n.text !== f.name && n.text !== f.microsoftName).slice(0, 6);
  if (names.length > 0)
    sentences.push(`Other names: ${names.map((n) => (n.coinedBy ? `${n.text} (${n.coinedBy})` : n.text)).join(', ')}.`);
  if (f.disputedNames.length > 0)
    sentences.push(
      `Sources disagree over the name${f.disputedNames.length > 1 ? 's' : ''} ${listWords(f.disputedNames.slice(0, 3))}.`,
    );
  return fitSentences(sentences);
}

export function softwareSummary(f: {
  type: 'malware' | 'tool';
  attackId: string;
  users: string[];
  platforms: string[];
}): string {
  const what = f.type === 'tool' ? 'Tool' : 'Malware family';
  const users = f.users.slice(0, 4);
  const more = f.users.length > users.length ? ` and ${f.users.length - users.length} other groups` : '';
  const sentences = [
    users.length > 0
      ? `${what} that MITRE ATT&CK (${f.attackId}) lists as used by ${users.length > 0 && more ? users.join(', ') : listWords(users)}${more}.`
      : `${what} tracked by MITRE ATT&CK as ${f.attackId}.`,
  ];
  if (f.type === 'tool')
    sentences.push('Also used by criminals and security testers, so a mention alone does not point to a state.');
  if (f.platforms.length > 0) sentences.push(`Platforms: ${f.platforms.slice(0, 5).join(', ')}.`);
  return fitSentences(sentences);
}

export function campaignSummary(f: {
  attackId: string;
  attributedTo: string[];
  firstSeen?: string;
  lastSeen?: string;
}): string {
  const when =
    f.firstSeen && f.lastSeen
      ? ` with activity seen from ${f.firstSeen} to ${f.lastSeen}`
      : f.firstSeen
        ? ` with activity first seen in ${f.firstSeen}`
        : '';
  const sentences = [
    f.attributedTo.length > 0
      ? `Campaign that MITRE ATT&CK (${f.attackId}) attributes to ${listWords(f.attributedTo)}${when}.`
      : `Campaign tracked by MITRE ATT&CK as ${f.attackId}${when}; ATT&CK names no group behind it.`,
  ];
  return fitSentences(sentences);
}
