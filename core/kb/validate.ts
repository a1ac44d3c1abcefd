/**
 * Validation of knowledge-base source files: the schema per entry, then the
 * rules that span entries. Every problem names the file, the entry id and
 * the field, so a contributor can fix it without guessing.
 */
import * as v from 'valibot';
import { CLAIM_KINDS, EntrySchema, type Entry } from './schema';
import { linkProblems } from './rules-links';
import { defaultSourcePolicy, deniedSourceUrls, type SourcePolicy } from './source-policy';

export interface KbFile {
  /** Path shown in messages, relative to the repository root. */
  file: string;
  /** Parsed JSON content (one entry per file). */
  data: unknown;
  /** Set when the file is not valid JSON. */
  parseError?: string;
  /** Not an entry file: carries only problems found while merging the layers (an aliases file). */
  notice?: true;
  /** Problems found before validation (layers.ts), reported with the others. */
  problems?: KbProblem[];
}

export interface KbProblem {
  file: string;
  id: string;
  field: string;
  message: string;
}

export class KbValidationError extends Error {
  constructor(readonly problems: KbProblem[]) {
    super(
      `Knowledge base has ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${p.file} [${p.id}] ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'KbValidationError';
  }
}

/** Normalised form used to detect an alias claimed by two entries. */
export function aliasKey(text: string, caseSensitive: boolean): string {
  const t = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return caseSensitive ? t : t.toLowerCase();
}

export interface ValidateOptions {
  /** "Today" for the asOf-in-the-future rule, as YYYY-MM-DD. */
  today: string;
  /** Denied and primary publishers (defaults to assets/sources/); a denied source fails validation. */
  sourcePolicy?: SourcePolicy;
}

export function validateKb(files: KbFile[], options: ValidateOptions): Entry[] {
  const problems: KbProblem[] = [];
  const entries: { file: string; entry: Entry }[] = [];

  for (const { file, data, parseError, notice, problems: early } of files) {
    if (early) problems.push(...early);
    if (notice) continue;
    if (parseError !== undefined) {
      problems.push({ file, id: '(unparsed)', field: '(file)', message: `invalid JSON: ${parseError}` });
      continue;
    }
    const rawId =
      typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string'
        ? (data as { id: string }).id
        : '(no id)';
    const result = v.safeParse(EntrySchema, data);
    if (!result.success) {
      for (const issue of result.issues) {
        problems.push({ file, id: rawId, field: v.getDotPath(issue) ?? '(entry)', message: issue.message });
      }
      continue;
    }
    entries.push({ file, entry: result.output });
  }

  const byId = new Map<string, string>();
  for (const { file, entry } of entries) {
    const previous = byId.get(entry.id);
    if (previous) problems.push({ file, id: entry.id, field: 'id', message: `duplicate id, also in ${previous}` });
    else byId.set(entry.id, file);
  }

  const aliasOwners = new Map<string, { id: string; text: string; caseSensitive: boolean }[]>();
  for (const { file, entry } of entries) {
    const p = (field: string, message: string) => problems.push({ file, id: entry.id, field, message });
    if (!file.endsWith(`${entry.id}.json`)) p('id', `file name must be ${entry.id}.json`);
    entry.related.forEach((rid, i) => {
      if (!byId.has(rid)) p(`related.${i}`, `unknown related id "${rid}"`);
      if (rid === entry.id) p(`related.${i}`, 'an entry cannot be related to itself');
    });
    for (const d of deniedSourceUrls(entry, options.sourcePolicy ?? defaultSourcePolicy()))
      p(d.field, `${d.url} is on the denied list (${d.rule.pattern}: ${d.rule.reason})`);
    if (entry.asOf > options.today) p('asOf', `"${entry.asOf}" is in the future (today is ${options.today})`);
    if (CLAIM_KINDS.includes(entry.kind) && !entry.claim)
      p('claim', `kind "${entry.kind}" must state who claimed what against whom (claim)`);
    // A Chinese name is given only where one is really used (issue 13): a China-related entry may
    // have none, and `kb:stats` lists those.
    entry.dates.forEach((d, i) => {
      if (d.end && d.end < d.start) p(`dates.${i}.end`, `end ${d.end} is before start ${d.start}`);
    });
    const seen = new Set<string>();
    entry.aliases.forEach((a, i) => {
      if (a.selfNamed && a.coinedBy !== undefined)
        p(`aliases.${i}.selfNamed`, `alias "${a.text}" is the group's own name and also coined by ${a.coinedBy}`);
      const key = aliasKey(a.text, a.caseSensitive);
      if (seen.has(key)) {
        p(`aliases.${i}.text`, `alias "${a.text}" is listed twice`);
        return;
      }
      seen.add(key);
      // A disputed name is matched for one entry only (disputed.ts), so several entries may list it.
      if (a.disputed) return;
      // An alias may be shared only when letter case tells the entries apart: both sides are
      // case-sensitive and spelt differently. Otherwise a mention would be ambiguous. Checked
      // against every earlier owner, so the verdict does not depend on file order.
      const looseKey = aliasKey(a.text, false);
      const owners = aliasOwners.get(looseKey) ?? [];
      const clash = owners.find(
        (o) => o.id !== entry.id && !(a.caseSensitive && o.caseSensitive && aliasKey(o.text, true) !== key),
      );
      if (clash)
        p(`aliases.${i}.text`, `alias "${a.text}" is also claimed by "${clash.id}" with no rule that tells them apart`);
      else aliasOwners.set(looseKey, [...owners, { id: entry.id, text: a.text, caseSensitive: a.caseSensitive }]);
    });
  }

  problems.push(...linkProblems(entries, byId));

  if (problems.length > 0) throw new KbValidationError(problems);
  return entries.map((e) => e.entry).sort((a, b) => a.id.localeCompare(b.id));
}
