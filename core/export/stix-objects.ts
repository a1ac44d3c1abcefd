/**
 * Knowledge-base entries as STIX 2.1 domain objects: which type each kind becomes, the grounds
 * for `confidence` and `labels`, dates, aliases and external references. Pure.
 */
import { attackUrl } from '../kb/entry-view';
import { effectiveVerdictClass } from '../kb/motive';
import type { Attribution, Entry } from '../kb/schema';
import { entryDate } from '../kb/timeline';
import { base, CONFIDENCE, stixId, stixTime, type StixObject } from './stix-common';

export type SdoType = 'intrusion-set' | 'malware' | 'tool' | 'campaign' | 'identity' | 'report';

/**
 * The STIX type of an entry: groups are intrusion sets, malware and tools their own types,
 * operations campaigns, organizations identities, and allegations and actions (a public
 * accusation, an indictment, a sanction) reports, published on the day of the claim. Concepts,
 * topics, policies and laws have no STIX counterpart and are left out.
 */
export function sdoType(e: Pick<Entry, 'kind' | 'softwareType'>): SdoType | undefined {
  switch (e.kind) {
    case 'threat-actor':
      return 'intrusion-set';
    case 'malware':
      return e.softwareType === 'tool' ? 'tool' : 'malware';
    case 'operation':
      return 'campaign';
    case 'organization':
      return 'identity';
    case 'allegation':
    case 'action':
      return 'report';
    default:
      return undefined;
  }
}

export const entryObjectId = (e: Pick<Entry, 'id' | 'kind' | 'softwareType'>): string | undefined => {
  const type = sdoType(e);
  return type ? stixId(type, `entry:${e.id}`) : undefined;
};

/**
 * Confidence in an entry's record (never in the truth of an allegation: the record is that the
 * claim was made, by whom and when). On the specification's None/Low/Med/High scale:
 * - High (85): an entry written and checked against its sources by a person;
 * - Med (50): an atlas entry whose summary is composed from imported data-set fields
 *   (`summaryComposed`: names and relations from MISP galaxy, Microsoft and MITRE ATT&CK, not
 *   checked by us against a source).
 */
export function entryConfidence(e: Pick<Entry, 'summaryComposed'>): number {
  return e.summaryComposed ? CONFIDENCE.med : CONFIDENCE.high;
}

/**
 * Confidence in a group's (or operation's, malware's) link to a state, by how many parties make
 * it (`attribution.by`): one, Low (15); two, Med (50); three or more, High (85). It measures
 * corroboration, not our own judgement of the evidence.
 */
export function attributionConfidence(a: Pick<Attribution, 'by'>): number {
  const n = new Set(a.by).size;
  return n >= 3 ? CONFIDENCE.high : n === 2 ? CONFIDENCE.med : CONFIDENCE.low;
}

/**
 * Labels, only from the entry's own fields: the kind for reports ("allegation", "action"), the
 * organization type ("government", "vendor", "spyware-vendor"…), and the class the verdict
 * weighs the entry as ("destructive" for WannaCry-like outbreaks, "spyware" for commercial
 * spyware, "criminal" for a group in a financially motivated naming scheme).
 */
export function entryLabels(e: Entry): string[] {
  const labels: string[] = [];
  if (e.kind === 'allegation' || e.kind === 'action') labels.push(e.kind);
  if (e.orgType) labels.push(e.orgType);
  const cls = effectiveVerdictClass(e);
  if (cls) labels.push(cls);
  return [...new Set(labels)];
}

export function externalReferences(e: Entry): Record<string, string>[] {
  const refs: Record<string, string>[] = [];
  if (e.attackId) {
    const url = attackUrl(e.attackId);
    refs.push({ source_name: 'mitre-attack', external_id: e.attackId, ...(url ? { url } : {}) });
  }
  for (const s of e.sources)
    refs.push({ source_name: s.publisher, url: s.url, description: s.date ? `${s.title} (${s.date})` : s.title });
  return refs;
}

/** When an operation was active (a dated "active" or "activity seen" span), else when first reported. */
function seen(e: Entry): { first_seen?: string; last_seen?: string } {
  const span = e.dates.find((d) => /activ/i.test(d.label));
  const first = span?.start ?? e.firstReported;
  if (!first) return {};
  const last = span?.end;
  return {
    first_seen: stixTime(first),
    ...(last && stixTime(last) >= stixTime(first) ? { last_seen: stixTime(last) } : {}),
  };
}

/** An allegation's or action's claim, in words: who, against whom, when, what, and the response. */
export function claimText(e: Entry): string | undefined {
  const c = e.claim;
  if (!c) return undefined;
  const checked = c.responseCheckedOn ? ` (checked ${c.responseCheckedOn})` : '';
  return `${c.by} (${c.date}), against ${c.against}: ${c.claim} Response: ${c.response}${checked}`;
}

/**
 * The entry as a STIX object. A report's `object_refs` are filled in by the caller once every
 * object of the bundle is known (they start with our author identity so the object is valid).
 */
export function entryObject(e: Entry, authorId: string): StixObject | undefined {
  const type = sdoType(e);
  const id = entryObjectId(e);
  if (!type || !id) return undefined;
  // A report must say when it was published: an event without a date of its own is left out
  // rather than dated by guess.
  const published = type === 'report' ? (e.claim?.date ?? entryDate(e)) : undefined;
  if (type === 'report' && !published) return undefined;
  const labels = entryLabels(e);
  const aliases = [...new Set(e.aliases.filter((a) => !a.disputed).map((a) => a.text))].filter((a) => a !== e.name);
  const obj: StixObject = {
    ...base(type, id, stixTime(e.asOf)),
    name: e.name,
    description: e.summary,
    confidence: entryConfidence(e),
    ...(labels.length ? { labels } : {}),
    external_references: externalReferences(e),
  };
  switch (type) {
    case 'identity':
      Object.assign(obj, {
        identity_class: 'organization',
        ...(e.orgType === 'government' ? { sectors: ['government'] } : {}),
      });
      break;
    case 'malware':
      Object.assign(obj, { is_family: true, ...(e.softwareType === 'spyware' ? { malware_types: ['spyware'] } : {}) });
      break;
    case 'report': {
      const claim = claimText(e);
      Object.assign(obj, {
        description: claim ? `${e.summary}\n\n${claim}` : e.summary,
        report_types: ['threat-report'],
        published: stixTime(published!),
        object_refs: [authorId],
      });
      break;
    }
  }
  if (aliases.length && (type === 'intrusion-set' || type === 'malware' || type === 'tool' || type === 'campaign'))
    obj.aliases = aliases;
  if (type === 'campaign') Object.assign(obj, seen(e));
  else if (e.firstReported && (type === 'intrusion-set' || type === 'malware'))
    obj.first_seen = stixTime(e.firstReported);
  return obj;
}
