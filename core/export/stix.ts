/**
 * The article's context as a STIX 2.1 bundle (OpenCTI and MISP import these): the TLP:CLEAR
 * marking on every object; an object per entity, for the article's event and for the earlier
 * events of its timeline (allegations and actions as reports published on the day of the claim,
 * operations as campaigns); country locations; relationships from the knowledge base's typed
 * links and attributions; the article as a report (a grouping when it has no date); notes for why
 * the event was chosen and for the article's own brief. Every id is name-based and every
 * timestamp comes from the knowledge base or the article, so the same article and knowledge base
 * always give the same bundle. Pure.
 */
import type { Entry } from '../kb/schema';
import { claimLine, firstSentence, oneLine, reasonsLine, type ArticleContext } from './context';
import {
  AUTHOR,
  base,
  SPYGLASS_EPOCH,
  stixId,
  stixTime,
  TLP_CLEAR,
  type StixBundle,
  type StixObject,
} from './stix-common';
import { countryLocation } from './stix-locations';
import { attributionConfidence, claimText, entryObject, externalReferences } from './stix-objects';
import { mapLink, relationship } from './stix-relationships';
import { sha1Hex } from './uuid';

export { stixTime, TLP_CLEAR_ID, type StixBundle, type StixObject } from './stix-common';

export interface StixOptions {
  /**
   * The knowledge base's "as of" date (YYYY-MM-DD): the time of the objects Spyglass writes
   * about the article (report, notes). Default: the newest "as of" date of the exported entries.
   */
  kbAsOf?: string;
}

const typeOf = (id: string) => id.slice(0, id.indexOf('--'));

export function toStixBundle(ctx: ArticleContext, opts: StixOptions = {}): StixBundle {
  const objects = new Map<string, StixObject>();
  const add = (o: StixObject) => {
    if (!objects.has(o.id)) objects.set(o.id, o);
    return o.id;
  };

  // Entities, the article's event and the earlier events, each once.
  const exported = new Map<string, { entry: Entry; id: string }>();
  const all = [
    ...ctx.entities.map((x) => x.entry),
    ...ctx.references.map((r) => r.entry),
    ...(ctx.event ? [ctx.event] : []),
    ...(ctx.events ?? []),
  ];
  for (const e of all) {
    if (exported.has(e.id)) continue;
    const obj = entryObject(e, AUTHOR.id);
    if (obj) exported.set(e.id, { entry: e, id: add(obj) });
  }

  const location = (code: string) => {
    const loc = countryLocation(code);
    return loc ? add(loc) : undefined;
  };
  const rels: StixObject[] = [];
  const addRel = (r: Parameters<typeof relationship>[0]) => {
    const o = relationship(r);
    if (!objects.has(o.id)) rels.push(o);
    add(o);
  };

  for (const { entry: e, id } of exported.values()) {
    const created = stixTime(e.asOf);
    const type = typeOf(id);
    for (const link of e.links ?? []) {
      const to = exported.get(link.id);
      if (!to || to.id === id) continue;
      const { rel, reverse } = mapLink(link.type, type, typeOf(to.id));
      const [source, target] = reverse ? [to.id, id] : [id, to.id];
      const by = link.by ? `according to ${link.by}` : '';
      const description = rel === 'related-to' ? [link.type, by && `(${by})`].filter(Boolean).join(' ') : by;
      addRel({ rel, source, target, created, key: link.type, ...(description ? { description } : {}) });
    }
    // A state link: the group, operation or malware originates from the country, with the
    // confidence of how many parties make the link.
    if (type === 'intrusion-set' || type === 'campaign' || type === 'malware')
      for (const a of e.attribution ?? []) {
        const loc = location(a.country);
        if (!loc) continue;
        addRel({
          rel: 'originates-from',
          source: id,
          target: loc,
          created,
          description: `Attributed${a.sponsor ? ` to ${a.sponsor}` : ''} by ${a.by.join(', ')}`,
          confidence: attributionConfidence(a),
        });
      }
    // An agency or company is located in its country.
    if (type === 'identity' && e.country) {
      const loc = location(e.country);
      if (loc) addRel({ rel: 'located-at', source: id, target: loc, created });
    }
  }

  // An allegation or action points at what it concerns: the exported entries it links or relates
  // to, and the countries on both sides of the claim.
  for (const { entry: e, id } of exported.values()) {
    const obj = objects.get(id)!;
    if (obj.type !== 'report') continue;
    const refs = new Set<string>();
    for (const other of [...(e.links ?? []).map((l) => l.id), ...e.related]) {
      const to = exported.get(other);
      if (to && to.id !== id) refs.add(to.id);
    }
    for (const party of e.claim ? [e.claim.byParty, e.claim.againstParty] : []) {
      const loc = location(party);
      if (loc) refs.add(loc);
    }
    if (refs.size) obj.object_refs = [...refs].sort();
  }

  const asOfs = [...exported.values()].map((x) => x.entry.asOf).sort();
  const kbAsOf = opts.kbAsOf ?? asOfs[asOfs.length - 1];
  // What Spyglass writes about the article is as of the knowledge base it comes from, and never
  // older than the article itself.
  const newest = [kbAsOf, ctx.published].filter((d): d is string => d !== undefined).sort();
  const time = newest.length ? stixTime(newest[newest.length - 1]!) : SPYGLASS_EPOCH;

  const event = ctx.event;
  const containerType = ctx.published ? 'report' : 'grouping';
  const containerId = stixId(containerType, `article:${ctx.url}`);
  const description = [
    event ? `This article reports: ${event.name}. ${firstSentence(event.summary)}` : undefined,
    ...ctx.references.map((r) => `Refers in words to ${r.entry.name} (${r.words.join(', ')}).`),
    ...ctx.patternNames.map((n) =>
      n.introduced
        ? `Introduces a name the knowledge base does not know: ${n.text} (${n.introduced.kind}; "${n.introduced.words}").`
        : `Names a cluster in a vendor pattern: ${n.text}.`,
    ),
    ctx.published
      ? undefined
      : 'Spyglass found no publication date on the page, so the article is exported as a grouping: a STIX report must carry the date it was published.',
  ].filter((x): x is string => x !== undefined);

  const notes: StixObject[] = [];
  const eventId = event ? exported.get(event.id)?.id : undefined;
  if (event && eventId) {
    const lines = [
      claimText(event) ?? firstSentence(event.summary),
      ctx.eventWhy?.length ? `Why Spyglass links the article to it: ${reasonsLine(ctx.eventWhy)}.` : undefined,
      ctx.eventTiedWith?.length
        ? `Tied with: ${ctx.eventTiedWith.map((e) => e.name).join('; ')} (they scored the same).`
        : undefined,
    ].filter((x): x is string => x !== undefined);
    notes.push({
      ...base('note', stixId('note', `event:${ctx.url}:${event.id}`), time),
      abstract: `This article reports: ${event.name}`,
      content: lines.join('\n'),
      object_refs: [containerId, eventId],
      external_references: externalReferences(event),
    });
  }
  const brief = ctx.brief;
  if (brief && (brief.claims.length || brief.response)) {
    const refs = new Set<string>([containerId]);
    const byKbId = (kbId?: string) => (kbId ? exported.get(kbId)?.id : undefined);
    const lines: string[] = [];
    for (const c of brief.claims) {
      lines.push(`${claimLine(c)}. The article: “${oneLine(c.quote.text)}”`);
      for (const ref of [byKbId(c.accuserId), byKbId(c.accusedId)]) if (ref) refs.add(ref);
    }
    if (brief.response) lines.push(`Response or denial reported: “${oneLine(brief.response.text)}”`);
    notes.push({
      ...base('note', stixId('note', `brief:${ctx.url}`), time),
      abstract: 'What the article reports, in its own words',
      content: lines.join('\n'),
      object_refs: [...refs],
    });
  }

  const refs = [...objects.keys()];
  const container: StixObject = {
    ...base(containerType, containerId, time),
    name: ctx.title ?? ctx.url,
    ...(description.length ? { description: description.join(' ') } : {}),
    ...(ctx.published
      ? { report_types: ['threat-report'], published: stixTime(ctx.published) }
      : { context: 'unspecified' }),
    // object_refs must not be empty: a page with nothing exportable points at our identity.
    object_refs: refs.length ? refs : [AUTHOR.id],
    external_references: [{ source_name: 'article', url: ctx.url }],
  };

  // The article first (importers and readers meet it before the events it points at).
  const body = [
    TLP_CLEAR,
    AUTHOR,
    container,
    ...[...objects.values()].filter((o) => o.type !== 'relationship'),
    ...rels,
    ...notes,
  ];
  // The bundle's id is a digest of its content: the same export, the same bundle.
  return { type: 'bundle', id: stixId('bundle', sha1Hex(JSON.stringify(body))), objects: body };
}
