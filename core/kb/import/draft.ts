/**
 * The importer's working records: an entry draft before ids, links and conflicts are settled, and
 * the helpers every builder shares (the fixed sources, source picking). Pure module.
 */
import type { AliasLang, EntryInput, Link, Source } from '../schema';
import type { SourceName } from './merge-rules';
import type { SourcePicker } from './sources';

export const MS_MAP_SOURCE: Source = {
  url: 'https://github.com/microsoft/mstic/blob/master/PublicFeeds/ThreatActorNaming/MicrosoftMapping.json',
  title: "Microsoft's threat actor naming map (MicrosoftMapping.json)",
  publisher: 'Microsoft Threat Intelligence',
};
export const MISP_SOURCE: Source = {
  url: 'https://github.com/MISP/misp-galaxy/blob/main/clusters/threat-actor.json',
  title: 'MISP galaxy threat-actor cluster',
  publisher: 'MISP galaxy',
};

/** How each data set is named where a card says who lists a name. */
export const DATASET_LABEL: Record<SourceName, string> = {
  attack: 'MITRE ATT&CK',
  misp: 'MISP galaxy',
  microsoft: 'Microsoft',
  qihoo360: 'Qihoo 360',
};

export interface AliasDraft {
  text: string;
  lang: AliasLang;
  caseSensitive?: boolean;
  requiresContext?: boolean;
  primary?: boolean;
  coinedBy?: string;
  former?: boolean;
  disputed?: boolean;
  usedBy?: string[];
  source?: string;
}

export type DraftKind = 'threat-actor' | 'malware' | 'operation';

export interface Draft {
  /** Provisional key before ids are assigned. */
  key: string;
  kind: DraftKind;
  name: string;
  id: string;
  aliases: AliasDraft[];
  entry: Omit<EntryInput, 'id' | 'kind' | 'name' | 'aliases' | 'links'>;
  links: Link[];
  attackId?: string;
  /** Records merged into this draft (report). */
  records: string[];
  /** Name keys some data set other than MISP attests (MISP over-merges). */
  attested?: Set<string>;
  /** Facts the composition step (compose.ts) turns into sentences and dated details. */
  facts: DraftFacts;
}

/** A report with its date, publisher and title, as the data give it. */
export interface DatedReport {
  date: string;
  publisher: string;
  title?: string;
  url?: string;
}

export interface DraftFacts {
  /** Reports on the entry, dated (ATT&CK citations; MISP addresses carrying a date). */
  reports: DatedReport[];
  /** Where the dated reports come from: ATT&CK's citations, or dates read from report addresses. */
  reportsFrom?: 'attack' | 'address';
  /** Countries the data list as targets, sectors as MISP words them. */
  targetCountries: string[];
  targetSectors: string[];
  /** Unnamed ATT&CK campaigns attributed to the group (no page can name them). */
  unnamedCampaigns: { attackId: string; firstSeen?: string; lastSeen?: string; title?: string }[];
  /** Who links the group to which state, in words (actors.ts actorAttributions). */
  stateWords?: { country: string; by: string[]; direct: boolean }[];
  /** Names not matched alone (a weakly tied group's word names): in the summary and its cue set. */
  unmatchedNames?: { text: string; coinedBy?: string }[];
  /** Microsoft's current name for the group. */
  microsoftName?: string;
  /** Separate-tracking rule (merge-rules.json "separate"). */
  separate?: { trackedBy: string; mappedBy: string; mappedTo: string };
  /** Malware that financially motivated groups use too. */
  crimeToo?: boolean;
  /** ATT&CK type and platforms (software). */
  platforms?: string[];
  /** All ATT&CK groups that use a tool, counted (some have no entry). */
  attackUsers?: number;
}

export const emptyFacts = (): DraftFacts => ({
  reports: [],
  targetCountries: [],
  targetSectors: [],
  unnamedCampaigns: [],
});

export function attackPage(url: string, name: string, id: string): Source {
  return { url, title: `${name} (${id})`, publisher: 'MITRE ATT&CK' };
}

export function pickSources(
  picker: SourcePicker,
  urls: readonly string[],
  fixed: readonly Source[],
  max = 3,
): Source[] {
  const refs = urls.filter((u) => !u.includes('attack.mitre.org'));
  const picked = picker.pick(refs, Math.max(1, max - fixed.length));
  const out = [...picked, ...fixed];
  const seen = new Set<string>();
  return out.filter((s) => !seen.has(s.url) && seen.add(s.url)).slice(0, max);
}
