/**
 * The article's context as a STIX 2.1 bundle (OpenCTI and MISP import these): a report for the
 * page, an SDO per entity with its aliases and external references, relationships where the KB
 * has typed links. Ids are name-based UUIDs, so re-exports of the same entry merge. Pure.
 */
import { attackUrl, regionCode } from '../kb/entry-view';
import type { Entry, LinkType } from '../kb/schema';
import type { ArticleContext } from './context';
import { firstSentence } from './context';
import { uuidV5 } from './uuid';

/** Our namespace for version 5 ids (a fixed random UUID; never change it, or ids stop merging). */
export const SPYGLASS_NAMESPACE = '3c5e7c2a-6f0b-4a53-9d6e-2f7a51c1b8e4';

export type StixObject = Record<string, unknown> & { type: string; id: string };
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

const stixId = (type: string, name: string) => `${type}--${uuidV5(name, SPYGLASS_NAMESPACE)}`;

/** An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as a STIX timestamp at midnight UTC. */
export function stixTime(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}T00:00:00.000Z`;
}

type SdoType = 'intrusion-set' | 'malware' | 'tool' | 'campaign' | 'identity';

function sdoType(e: Entry): SdoType | undefined {
  switch (e.kind) {
    case 'threat-actor':
      return 'intrusion-set';
    case 'malware':
      return e.softwareType === 'tool' ? 'tool' : 'malware';
    case 'operation':
      return 'campaign';
    case 'organization':
      return 'identity';
    default:
      return undefined;
  }
}

function externalReferences(e: Entry) {
  const refs: Record<string, string>[] = [];
  if (e.attackId) {
    const url = attackUrl(e.attackId);
    refs.push({ source_name: 'mitre-attack', external_id: e.attackId, ...(url ? { url } : {}) });
  }
  for (const s of e.sources)
    refs.push({ source_name: s.publisher, url: s.url, description: s.date ? `${s.title} (${s.date})` : s.title });
  return refs;
}

/** Relationship types STIX 2.1 defines for a pair of object types; anything else is related-to. */
const SPEC_RELATIONSHIPS = new Set([
  'uses:intrusion-set:malware',
  'uses:intrusion-set:tool',
  'uses:campaign:malware',
  'uses:campaign:tool',
  'uses:malware:tool',
  'attributed-to:campaign:intrusion-set',
]);

function relationshipFor(type: LinkType, source: SdoType, target: SdoType): { rel: string; reverse: boolean } {
  if (type === 'used-by') return { ...relationshipFor('uses', target, source), reverse: true };
  const key = `${type}:${source}:${target}`;
  if (SPEC_RELATIONSHIPS.has(key)) return { rel: type, reverse: false };
  return { rel: 'related-to', reverse: false };
}

export interface StixOptions {
  /** When the export is made (report timestamps). */
  now: Date;
}

export function toStixBundle(ctx: ArticleContext, opts: StixOptions): StixBundle {
  const now = opts.now.toISOString();
  const author = {
    type: 'identity',
    spec_version: '2.1',
    id: stixId('identity', 'spyglass'),
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    name: 'Spyglass (knowledge base)',
    identity_class: 'system',
  };
  const objects = new Map<string, StixObject>([[author.id, author]]);
  const byEntry = new Map<string, { id: string; type: SdoType }>();
  const common = (e: Entry) => ({
    spec_version: '2.1',
    created: stixTime(e.asOf),
    modified: stixTime(e.asOf),
    created_by_ref: author.id,
  });

  const all = [...ctx.entities.map((x) => x.entry), ...ctx.references.map((r) => r.entry)];
  if (ctx.event) all.push(ctx.event);
  for (const e of all) {
    const type = sdoType(e);
    if (!type || byEntry.has(e.id)) continue;
    const id = stixId(type, `entry:${e.id}`);
    byEntry.set(e.id, { id, type });
    const aliases = [...new Set(e.aliases.filter((a) => !a.disputed).map((a) => a.text))].filter((a) => a !== e.name);
    const obj: StixObject = {
      type,
      id,
      ...common(e),
      name: e.name,
      description: e.summary,
      ...(type === 'identity' ? { identity_class: 'organization' } : {}),
      ...(type === 'malware'
        ? { is_family: true, ...(e.softwareType === 'spyware' ? { malware_types: ['spyware'] } : {}) }
        : {}),
      ...(aliases.length && type !== 'identity' ? { aliases } : {}),
      ...(e.firstReported && (type === 'intrusion-set' || type === 'campaign' || type === 'malware')
        ? { first_seen: stixTime(e.firstReported) }
        : {}),
      external_references: externalReferences(e),
    };
    objects.set(id, obj);
  }

  const relationships: StixObject[] = [];
  const addRel = (rel: string, source: string, target: string, created: string, description?: string) => {
    const id = stixId('relationship', `rel:${source}:${rel}:${target}:${description ?? ''}`);
    if (objects.has(id)) return;
    const r: StixObject = {
      type: 'relationship',
      spec_version: '2.1',
      id,
      created,
      modified: created,
      created_by_ref: author.id,
      relationship_type: rel,
      source_ref: source,
      target_ref: target,
      ...(description ? { description } : {}),
    };
    objects.set(id, r);
    relationships.push(r);
  };

  for (const e of all) {
    const from = byEntry.get(e.id);
    if (!from) continue;
    for (const link of e.links ?? []) {
      const to = byEntry.get(link.id);
      if (!to || to.id === from.id) continue;
      const { rel, reverse } = relationshipFor(link.type, from.type, to.type);
      const [s, t] = reverse ? [to.id, from.id] : [from.id, to.id];
      const note = rel === 'related-to' ? `${link.type}${link.by ? ` (according to ${link.by})` : ''}` : link.by;
      addRel(rel, s, t, stixTime(e.asOf), note ? note : undefined);
    }
    if (from.type === 'intrusion-set')
      for (const a of e.attribution ?? []) {
        const country = regionCode(a.country);
        const locId = stixId('location', `country:${country}`);
        if (!objects.has(locId))
          objects.set(locId, {
            type: 'location',
            spec_version: '2.1',
            id: locId,
            created: '2026-01-01T00:00:00.000Z',
            modified: '2026-01-01T00:00:00.000Z',
            created_by_ref: author.id,
            name: country,
            country,
          });
        addRel(
          'originates-from',
          from.id,
          locId,
          stixTime(e.asOf),
          `Attributed${a.sponsor ? ` to ${a.sponsor}` : ''} by ${a.by.join(', ')}`,
        );
      }
  }

  const reportId = stixId('report', `article:${ctx.url}`);
  const event = ctx.event;
  const notes: StixObject[] = [];
  if (event?.claim) {
    const c = event.claim;
    const note: StixObject = {
      type: 'note',
      spec_version: '2.1',
      id: stixId('note', `event:${ctx.url}:${event.id}`),
      created: now,
      modified: now,
      created_by_ref: author.id,
      abstract: `This article reports: ${event.name}`,
      content: `${c.by} alleged (${c.date}), against ${c.against}: ${c.claim} Response: ${c.response}${c.responseCheckedOn ? ` (checked ${c.responseCheckedOn})` : ''}`,
      object_refs: [reportId],
      external_references: externalReferences(event),
    };
    notes.push(note);
  }

  const refs = [...objects.keys()].filter((id) => id !== author.id);
  const description = [
    event ? `This article reports: ${event.name}. ${firstSentence(event.summary)}` : undefined,
    ...ctx.references.map((r) => `Refers in words to ${r.entry.name} (${r.words.join(', ')}).`),
    ...ctx.patternNames.map((n) => `Names a cluster in a vendor pattern: ${n.text}.`),
  ].filter((x): x is string => x !== undefined);
  const report: StixObject = {
    type: 'report',
    spec_version: '2.1',
    id: reportId,
    created: now,
    modified: now,
    created_by_ref: author.id,
    name: ctx.title ?? ctx.url,
    ...(description.length ? { description: description.join(' ') } : {}),
    report_types: ['threat-report'],
    published: ctx.published ? stixTime(ctx.published) : now,
    // object_refs must not be empty: a page with nothing exportable points at our identity.
    object_refs: refs.length ? refs : [author.id],
    external_references: [{ source_name: 'article', url: ctx.url }],
  };

  return {
    type: 'bundle',
    id: stixId('bundle', `bundle:${ctx.url}:${now}`),
    objects: [author, ...[...objects.values()].filter((o) => o.id !== author.id), report, ...notes],
  };
}
