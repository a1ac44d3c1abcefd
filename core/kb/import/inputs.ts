/**
 * The threat-naming data set (../shared/data/threat-naming) as typed records. Every file is
 * checked with valibot; malformed input fails with the file, the record index and the field.
 * Pure module: the caller reads the files.
 */
import * as v from 'valibot';

const str = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const strList = v.optional(v.array(v.string()), []);
const day = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date YYYY, YYYY-MM or YYYY-MM-DD'));

/** A report ATT&CK cites: who, when, what, where (the bibliographic facts only). */
export const CitationSchema = v.object({
  source: v.optional(v.string()),
  by: v.optional(v.string()),
  date: v.optional(day),
  title: v.optional(v.string()),
  url: v.optional(v.string()),
});
const citations = v.optional(v.array(CitationSchema), []);
const words = v.optional(v.union([v.string(), v.array(v.string())]));

export const MispActorSchema = v.object({
  uuid: str,
  name: str,
  synonyms: strList,
  country: v.optional(v.string()),
  stateSponsor: v.optional(v.string()),
  incidentType: v.optional(v.union([v.string(), v.array(v.string())])),
  attributionConfidence: v.optional(v.string()),
  since: v.optional(v.string()),
  nameAttribution: v.optional(v.array(v.object({ name: str, producer: str })), []),
  refs: strList,
  related: v.optional(v.array(v.object({ uuid: str, type: str })), []),
  victims: words,
  targetCategory: words,
  targetedSector: words,
});

export const MicrosoftNameSchema = v.object({
  name: str,
  origin: v.string(),
  otherNames: v.array(v.string()),
});

export const Qihoo360Schema = v.object({
  uuid: str,
  name: str,
  synonyms: strList,
  country: v.optional(v.string()),
  refs: strList,
});

export const AttackGroupSchema = v.object({
  attackId: v.pipe(v.string(), v.regex(/^G\d{4}$/, 'must be an ATT&CK group id G####')),
  url: str,
  name: str,
  aliases: v.array(v.string()),
  created: v.optional(day),
  software: v.array(v.pipe(v.string(), v.regex(/^S\d{4}$/, 'must be an ATT&CK software id S####'))),
  refs: strList,
  citations,
});

export const AttackCampaignSchema = v.object({
  attackId: v.pipe(v.string(), v.regex(/^C\d{4}$/, 'must be an ATT&CK campaign id C####')),
  url: str,
  name: str,
  aliases: v.array(v.string()),
  firstSeen: v.optional(day),
  lastSeen: v.optional(day),
  attributedTo: v.array(v.pipe(v.string(), v.regex(/^G\d{4}$/, 'must be an ATT&CK group id G####'))),
  refs: strList,
  citations,
});

export const AttackSoftwareSchema = v.object({
  attackId: v.pipe(v.string(), v.regex(/^S\d{4}$/, 'must be an ATT&CK software id S####')),
  url: str,
  name: str,
  type: v.picklist(['malware', 'tool']),
  aliases: v.array(v.string()),
  platforms: strList,
  created: v.optional(day),
  citations,
});

const snapshot = v.tuple([str, day]);
export const ProvenanceSchema = v.object({
  'misp-galaxy': snapshot,
  'microsoft-mstic': snapshot,
  'mitre-cti': snapshot,
});

export type MispActor = v.InferOutput<typeof MispActorSchema>;
export type MicrosoftName = v.InferOutput<typeof MicrosoftNameSchema>;
export type Qihoo360Name = v.InferOutput<typeof Qihoo360Schema>;
export type AttackGroup = v.InferOutput<typeof AttackGroupSchema>;
export type AttackCampaign = v.InferOutput<typeof AttackCampaignSchema>;
export type AttackSoftware = v.InferOutput<typeof AttackSoftwareSchema>;
export type Citation = v.InferOutput<typeof CitationSchema>;

export interface ThreatNamingData {
  misp: MispActor[];
  microsoft: MicrosoftName[];
  qihoo360: Qihoo360Name[];
  groups: AttackGroup[];
  campaigns: AttackCampaign[];
  software: AttackSoftware[];
  /** Snapshot dates: the newest is the atlas's asOf. */
  snapshots: { misp: string; microsoft: string; attack: string };
}

/** The files the importer reads, by name. */
export const INPUT_FILES = {
  misp: 'misp-threat-actors.json',
  microsoft: 'microsoft-actor-names.json',
  qihoo360: 'misp-360-apt-names.json',
  groups: 'attack-groups.json',
  campaigns: 'attack-campaigns.json',
  software: 'attack-software.json',
  provenance: 'provenance.json',
} as const;

export interface InputProblem {
  file: string;
  /** Record index in the file's array, or -1 for the file itself. */
  record: number;
  /** The record's name where it has one. */
  name?: string;
  field: string;
  message: string;
}

export class ImportInputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(
      `threat-naming input has ${problems.length} problem(s):\n` +
        problems
          .map(
            (p) =>
              `  ${p.file}${p.record >= 0 ? ` record ${p.record}` : ''}${p.name ? ` (${p.name})` : ''} ${p.field}: ${p.message}`,
          )
          .join('\n'),
    );
    this.name = 'ImportInputError';
  }
}

function parseList<T>(file: string, data: unknown, schema: v.GenericSchema<unknown, T>, problems: InputProblem[]): T[] {
  if (!Array.isArray(data)) {
    problems.push({ file, record: -1, field: '(file)', message: 'must be a JSON array of records' });
    return [];
  }
  const out: T[] = [];
  data.forEach((rec: unknown, i) => {
    const r = v.safeParse(schema, rec);
    if (r.success) {
      out.push(r.output);
      return;
    }
    const name =
      typeof rec === 'object' && rec !== null && typeof (rec as { name?: unknown }).name === 'string'
        ? (rec as { name: string }).name
        : undefined;
    for (const issue of r.issues)
      problems.push({
        file,
        record: i,
        ...(name ? { name } : {}),
        field: v.getDotPath(issue) ?? '(record)',
        message: issue.message,
      });
  });
  return out;
}

/**
 * Checks and types the raw file contents (already JSON-parsed, by file name; a file that is not
 * valid JSON is passed as an Error). Throws ImportInputError naming every bad file and record.
 */
export function parseThreatNaming(raw: Record<string, unknown>): ThreatNamingData {
  const problems: InputProblem[] = [];
  const get = (file: string): unknown => {
    const d = raw[file];
    if (d === undefined) problems.push({ file, record: -1, field: '(file)', message: 'file is missing' });
    else if (d instanceof Error)
      problems.push({ file, record: -1, field: '(file)', message: `invalid JSON: ${d.message}` });
    return d instanceof Error ? undefined : d;
  };
  const misp = parseList(INPUT_FILES.misp, get(INPUT_FILES.misp), MispActorSchema, problems);
  const microsoft = parseList(INPUT_FILES.microsoft, get(INPUT_FILES.microsoft), MicrosoftNameSchema, problems);
  const qihoo360 = parseList(INPUT_FILES.qihoo360, get(INPUT_FILES.qihoo360), Qihoo360Schema, problems);
  const groups = parseList(INPUT_FILES.groups, get(INPUT_FILES.groups), AttackGroupSchema, problems);
  const campaigns = parseList(INPUT_FILES.campaigns, get(INPUT_FILES.campaigns), AttackCampaignSchema, problems);
  const software = parseList(INPUT_FILES.software, get(INPUT_FILES.software), AttackSoftwareSchema, problems);
  const provRaw = get(INPUT_FILES.provenance);
  const prov = v.safeParse(ProvenanceSchema, provRaw);
  if (provRaw !== undefined && !prov.success)
    for (const issue of prov.issues)
      problems.push({
        file: INPUT_FILES.provenance,
        record: -1,
        field: v.getDotPath(issue) ?? '(file)',
        message: issue.message,
      });
  if (problems.length > 0 || !prov.success) throw new ImportInputError(problems);
  return {
    misp,
    microsoft,
    qihoo360,
    groups,
    campaigns,
    software,
    snapshots: {
      misp: prov.output['misp-galaxy'][1],
      microsoft: prov.output['microsoft-mstic'][1],
      attack: prov.output['mitre-cti'][1],
    },
  };
}
