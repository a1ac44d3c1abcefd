/**
 * The knowledge base comes in three layers, merged at build time into the entries validateKb checks:
 * - hand-written entries, assets/kb/<kind>/<id>.json (people edit these);
 * - the imported atlas, assets/atlas/<kind>/<id>.json (written only by `npm run kb:import`);
 * - translated names, assets/aliases/<lang>.json (arrays of { id, text, lang, source, ... }).
 * An atlas record and a hand entry that describe the same thing become one entry (matched by ATT&CK
 * id, then by id, then by a shared primary name, within one kind), even when the hand entry was
 * written after the import ran. Hand fields win; aliases, links and related ids are unioned.
 * Pure module.
 */
import * as v from 'valibot';
import { AliasSchema, EntrySchema, type Entry } from './schema';
import { aliasKey, type KbFile, type KbProblem } from './validate';

export const ATLAS_DIR = 'assets/atlas';
export const ALIASES_DIR = 'assets/aliases';

/** One record of an aliases file: an alias plus the id of the entry it belongs to. */
export const AliasRecordSchema = v.strictObject({ id: v.string(), ...AliasSchema.entries });

export interface LayerFiles {
  hand: readonly KbFile[];
  atlas: readonly KbFile[];
  aliases: readonly KbFile[];
}

export interface MergedLayers {
  /** Entry files for validateKb (merged entries carry the hand file's path), plus layer problems. */
  files: KbFile[];
  /** What the merge did that a maintainer may want to know (atlas aliases dropped for a hand claim…). */
  notes: string[];
  /** Atlas ids that merged into a hand entry with another id. */
  renamed: Map<string, string>;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const loose = (t: string) => aliasKey(t, false);
/** An alias takes a coiner another layer gives it, unless it has one or is the group's own name. */
const inheritCoiner = (alias: Obj, coinedBy: unknown) => {
  if (alias.coinedBy === undefined && alias.selfNamed !== true && coinedBy !== undefined) alias.coinedBy = coinedBy;
};

/** The names an entry is known by as its own: its name and its primary aliases. */
function primaryNames(e: Obj): string[] {
  const out: string[] = [];
  const name = str(e.name);
  if (name) out.push(loose(name));
  if (Array.isArray(e.aliases))
    for (const a of e.aliases)
      if (isObj(a) && a.primary === true && typeof a.text === 'string') out.push(loose(a.text));
  return out;
}

export interface HandKey {
  id: string;
  kind: string;
  attackId?: string;
  names: string[];
}

export function handKeyOf(data: unknown): HandKey | undefined {
  if (!isObj(data)) return undefined;
  const id = str(data.id);
  const kind = str(data.kind);
  if (!id || !kind) return undefined;
  const attackId = str(data.attackId);
  return { id, kind, ...(attackId ? { attackId } : {}), names: primaryNames(data) };
}

/**
 * The hand entry an atlas entry describes: same ATT&CK id; else same id and kind; else same kind
 * and a shared primary name. Used by the importer too, so both agree.
 */
export function findHandMatch(
  atlas: { id: string; kind: string; attackId?: string; names: readonly string[] },
  hands: readonly HandKey[],
): HandKey | undefined {
  if (atlas.attackId) {
    const byAttack = hands.find((h) => h.attackId === atlas.attackId);
    if (byAttack) return byAttack;
  }
  const byId = hands.find((h) => h.id === atlas.id && h.kind === atlas.kind);
  if (byId) return byId;
  return hands.find((h) => h.kind === atlas.kind && !h.attackId && h.names.some((n) => atlas.names.includes(n)));
}

function unionBy<T>(first: readonly T[], second: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set(first.map(key));
  const out = [...first];
  for (const t of second) {
    const k = key(t);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}

/** Hand entry over atlas entry: hand fields win, lists are unioned. */
export function mergeEntry(hand: Obj, atlas: Entry): Obj {
  const out: Obj = {};
  for (const [k, val] of Object.entries(atlas)) {
    if (k === 'summaryComposed' || k === 'curated' || k === 'id') continue;
    out[k] = val;
  }
  for (const [k, val] of Object.entries(hand)) out[k] = val;
  // A hand entry that names no one as attributor (attribution: []) and gives no country withdraws
  // the country the importer read from the data sets: a person found no source tying it to a state.
  if (Array.isArray(hand.attribution) && hand.attribution.length === 0 && !('country' in hand)) delete out.country;
  const handAliases = Array.isArray(hand.aliases) ? hand.aliases.filter(isObj) : [];
  const aliases: Obj[] = handAliases.map((a) => ({ ...a }));
  const index = new Map<string, Obj>();
  for (const a of aliases) if (typeof a.text === 'string') index.set(loose(a.text), a);
  for (const a of atlas.aliases) {
    const same = index.get(loose(a.text));
    if (same) {
      inheritCoiner(same, a.coinedBy);
      if (same.former === undefined && a.former !== undefined) same.former = a.former;
      if (same.usedBy === undefined && a.usedBy !== undefined) same.usedBy = a.usedBy;
      // The atlas's guards against ordinary words hold unless the hand alias sets them itself: letter
      // case always, context for a one-word name ("Grayling", "SPIRAL"). A name of several words
      // ("Salt Typhoon") is specific enough as a phrase; there the hand alias's default stands.
      if (same.caseSensitive === undefined && a.caseSensitive) same.caseSensitive = true;
      if (same.requiresContext === undefined && a.requiresContext && !/\s/.test(a.text.trim()))
        same.requiresContext = true;
      continue;
    }
    const copy: Obj = { ...a };
    aliases.push(copy);
    index.set(loose(a.text), copy);
  }
  out.aliases = aliases;
  const handLinks = Array.isArray(hand.links) ? hand.links.filter(isObj) : [];
  const links = unionBy<Obj>(handLinks, atlas.links ?? [], (l) => `${String(l.id)}|${String(l.type)}`);
  if (links.length > 0) out.links = links;
  const handRelated = Array.isArray(hand.related) ? hand.related.filter((x): x is string => typeof x === 'string') : [];
  out.related = unionBy(handRelated, atlas.related, (x) => x);
  const handSources = Array.isArray(hand.sources) ? hand.sources.filter(isObj) : [];
  const sources = unionBy<Obj>(handSources, atlas.sources, (s) => String(s.url));
  out.sources = sources.slice(0, Math.max(3, handSources.length));
  return out;
}

function renameIds(e: Obj, renamed: ReadonlyMap<string, string>): void {
  if (renamed.size === 0) return;
  const r = (x: unknown) => (typeof x === 'string' ? (renamed.get(x) ?? x) : x);
  if (Array.isArray(e.related)) e.related = [...new Set(e.related.map(r))].filter((x) => x !== e.id);
  if (Array.isArray(e.members)) e.members = [...new Set(e.members.map(r))];
  if (Array.isArray(e.links))
    e.links = unionBy(
      e.links.map((l: unknown) => (isObj(l) ? { ...l, id: r(l.id) } : l)).filter((l) => !isObj(l) || l.id !== e.id),
      [],
      (l) => (isObj(l) ? `${String(l.id)}|${String(l.type)}` : JSON.stringify(l)),
    );
}

interface Claim {
  id: string;
  text: string;
  caseSensitive: boolean;
}

function aliasClaims(e: Obj): Claim[] {
  const id = str(e.id) ?? '';
  if (!Array.isArray(e.aliases)) return [];
  return e.aliases
    .filter(isObj)
    .filter((a) => typeof a.text === 'string' && a.disputed !== true)
    .map((a) => ({ id, text: a.text as string, caseSensitive: a.caseSensitive === true }));
}

/** Same rule as validateKb: a shared alias is fine only when both are case-sensitive and spelt differently. */
function clashes(a: Claim, b: Claim): boolean {
  return (
    a.id !== b.id && !(a.caseSensitive && b.caseSensitive && a.text.normalize('NFKC') !== b.text.normalize('NFKC'))
  );
}

export function mergeLayers(layers: LayerFiles): MergedLayers {
  const notes: string[] = [];
  const renamed = new Map<string, string>();
  const out: KbFile[] = [];

  const hands = layers.hand.map((f) => ({ file: f, key: f.parseError === undefined ? handKeyOf(f.data) : undefined }));
  const handKeys = hands.map((h) => h.key).filter((k): k is HandKey => k !== undefined);
  const mergedInto = new Map<string, Entry>();
  const atlasOnly: { file: string; data: Obj }[] = [];

  // An atlas file already named after a hand entry is matched first (the importer gave it that id).
  const handIds = new Set(handKeys.map((h) => h.id));
  const idOf = (f: KbFile) => (isObj(f.data) && typeof f.data.id === 'string' ? f.data.id : '');
  const ordered = [
    ...layers.atlas.filter((f) => handIds.has(idOf(f))),
    ...layers.atlas.filter((f) => !handIds.has(idOf(f))),
  ];
  for (const f of ordered) {
    if (f.parseError !== undefined) {
      out.push(f);
      continue;
    }
    const r = v.safeParse(EntrySchema, f.data);
    if (!r.success) {
      out.push(f); // validateKb names the atlas file and the field
      continue;
    }
    const e = r.output;
    const match = findHandMatch({ ...e, names: primaryNames(e as unknown as Obj) }, handKeys);
    if (match && !mergedInto.has(match.id)) {
      mergedInto.set(match.id, e);
      if (match.id !== e.id) renamed.set(e.id, match.id);
    } else {
      if (match)
        notes.push(
          `${f.file}: also describes hand entry "${match.id}", which another atlas record already merged into`,
        );
      atlasOnly.push({ file: f.file, data: { ...e } });
    }
  }

  const entries: { file: string; data: unknown; hand: boolean }[] = [];
  for (const { file, key } of hands) {
    if (file.parseError !== undefined || !key || !isObj(file.data)) {
      entries.push({
        file: file.file,
        data: file.data,
        hand: true,
        ...(file.parseError ? { parseError: file.parseError } : {}),
      });
      continue;
    }
    const atlas = mergedInto.get(key.id);
    entries.push({ file: file.file, data: atlas ? mergeEntry(file.data, atlas) : { ...file.data }, hand: true });
  }
  for (const a of atlasOnly) entries.push({ file: a.file, data: a.data, hand: false });

  // Translated names: appended to the entry they name; an unknown id is a problem of the aliases file.
  const byId = new Map<string, Obj>();
  for (const e of entries)
    if (isObj(e.data) && typeof e.data.id === 'string') byId.set(renamed.get(e.data.id) ?? e.data.id, e.data);
  for (const f of layers.aliases) {
    const problems: KbProblem[] = [];
    if (f.parseError !== undefined)
      problems.push({ file: f.file, id: '(unparsed)', field: '(file)', message: `invalid JSON: ${f.parseError}` });
    else if (!Array.isArray(f.data))
      problems.push({ file: f.file, id: '(file)', field: '(file)', message: 'must be a JSON array of alias records' });
    else
      f.data.forEach((rec: unknown, i) => {
        const r = v.safeParse(AliasRecordSchema, rec);
        const rid = isObj(rec) && typeof rec.id === 'string' ? rec.id : '(no id)';
        if (!r.success) {
          for (const issue of r.issues)
            problems.push({
              file: f.file,
              id: rid,
              field: `[${i}].${v.getDotPath(issue) ?? '(record)'}`,
              message: issue.message,
            });
          return;
        }
        const { id, ...alias } = r.output;
        const target = byId.get(renamed.get(id) ?? id);
        if (!target) {
          problems.push({ file: f.file, id, field: `[${i}].id`, message: `no entry has id "${id}"` });
          return;
        }
        const list = Array.isArray(target.aliases) ? (target.aliases as unknown[]) : [];
        const same = list.find((a) => isObj(a) && typeof a.text === 'string' && loose(a.text) === loose(alias.text));
        if (isObj(same)) {
          if (same.source === undefined && alias.source !== undefined) same.source = alias.source;
          inheritCoiner(same, alias.coinedBy);
        } else target.aliases = [...list, alias];
      });
    if (problems.length > 0) out.push({ file: f.file, data: undefined, notice: true, problems });
  }

  // A name a hand entry claims is dropped from any other atlas entry (the hand layer wins).
  const handClaims = new Map<string, Claim[]>();
  for (const e of entries)
    if (e.hand && isObj(e.data))
      for (const c of aliasClaims(e.data)) handClaims.set(loose(c.text), [...(handClaims.get(loose(c.text)) ?? []), c]);
  for (const e of entries) {
    if (!isObj(e.data)) continue;
    renameIds(e.data, renamed);
    if (e.hand || !Array.isArray(e.data.aliases)) continue;
    const id = String(e.data.id);
    e.data.aliases = e.data.aliases.filter((a: unknown) => {
      if (!isObj(a) || typeof a.text !== 'string' || a.disputed === true) return true;
      const mine: Claim = { id, text: a.text, caseSensitive: a.caseSensitive === true };
      const clash = (handClaims.get(loose(a.text)) ?? []).find((c) => clashes(mine, c));
      if (clash) notes.push(`${e.file}: alias "${a.text}" dropped, hand entry "${clash.id}" claims it`);
      return !clash;
    });
  }
  for (const e of entries)
    out.push({
      file: e.file,
      data: e.data,
      ...('parseError' in e && typeof e.parseError === 'string' ? { parseError: e.parseError } : {}),
    });
  return { files: out, notes, renamed };
}
