/**
 * The taxonomy of entries (documented in assets/kb/README.md). A module of its own, with no
 * imports, so page-side bundles can use it without pulling in the schema library.
 */
export const KINDS = [
  'organization', // agencies, ministries, companies, alliances
  'threat-actor', // hacking groups tracked under vendor names
  'malware', // malware families, spyware and tools used in state espionage
  'operation', // operations, campaigns, intrusions, leaks, incidents
  'allegation', // attribution reports and public accusations
  'action', // indictments, sanctions, advisories, takedowns
  'policy', // export controls, rules, agreements, lists
  'law', // statutes
  'concept', // terms a reader needs
  'topic', // hubs for what news names generically ("US export controls on chips"), listing members by date
] as const;
export type Kind = (typeof KINDS)[number];

/** Verdict classes: an entry whose mention weighs differently from its kind's (assets/lexicon/model.json "classes"). */
export const VERDICT_CLASSES = ['destructive', 'criminal', 'spyware', 'tool', 'background'] as const;
export type VerdictClass = (typeof VERDICT_CLASSES)[number];
