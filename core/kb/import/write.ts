/**
 * The atlas files: one entry per draft in a fixed field order (byte-identical on a re-run),
 * curated fields and wholly curated files kept, stale files listed for removal, every entry
 * checked against the schema. Pure module.
 */
import * as v from 'valibot';
import { EntrySchema } from '../schema';
import type { KbFile } from '../validate';
import type { Draft } from './draft';

export const ATLAS_ROOT = 'assets/atlas';

export interface Written {
  files: { path: string; content: string }[];
  remove: string[];
  curatedKept: { file: string; fields: string[] | 'all' }[];
}

export function entryOf(d: Draft): Record<string, unknown> {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    ...(d.entry.nameZh ? { nameZh: d.entry.nameZh } : {}),
    aliases: d.aliases,
    summary: d.entry.summary,
    details: d.entry.details,
    dates: d.entry.dates,
    related: d.entry.related,
    sources: d.entry.sources,
    asOf: d.entry.asOf,
    ...(d.entry.country ? { country: d.entry.country } : {}),
    ...(d.entry.attribution ? { attribution: d.entry.attribution } : {}),
    ...(d.entry.attackId ? { attackId: d.entry.attackId } : {}),
    ...(d.entry.firstReported ? { firstReported: d.entry.firstReported } : {}),
    ...(d.links.length > 0
      ? { links: [...d.links].sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id)) }
      : {}),
    ...(d.kind === 'malware' && d.entry.softwareType ? { softwareType: d.entry.softwareType } : {}),
    ...(d.entry.cueSets && d.entry.cueSets.length > 0 ? { cueSets: d.entry.cueSets } : {}),
    summaryComposed: true,
  };
}

export function writeDrafts(drafts: readonly Draft[], existingAtlas: readonly KbFile[]): Written {
  const existing = new Map(existingAtlas.map((f) => [f.file, f]));
  const files: Written['files'] = [];
  const curatedKept: Written['curatedKept'] = [];
  const produced = new Set<string>();
  for (const d of drafts) {
    const path = `${ATLAS_ROOT}/${d.kind}/${d.id}.json`;
    produced.add(path);
    let entry = entryOf(d);
    const old = existing.get(path);
    const curated = (old?.data as { curated?: unknown } | undefined)?.curated;
    if (curated === true) {
      curatedKept.push({ file: path, fields: 'all' });
      continue; // a person owns the whole file: it is not rewritten
    }
    if (Array.isArray(curated) && old) {
      const oldData = old.data as Record<string, unknown>;
      const fields = curated.filter((f): f is string => typeof f === 'string');
      entry = { ...entry };
      for (const f of fields)
        if (f in oldData) entry[f] = oldData[f];
        else delete entry[f];
      entry.curated = fields;
      curatedKept.push({ file: path, fields });
    }
    const check = v.safeParse(EntrySchema, entry);
    if (!check.success)
      throw new Error(
        `import produced an invalid entry ${path}: ${check.issues.map((i) => `${v.getDotPath(i) ?? ''} ${i.message}`).join('; ')}`,
      );
    files.push({ path, content: `${JSON.stringify(entry, null, 2)}\n` });
  }
  const remove = [...existing.keys()]
    .filter((p) => !produced.has(p) && (existing.get(p)?.data as { curated?: unknown } | undefined)?.curated !== true)
    .sort();
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)), remove, curatedKept };
}
