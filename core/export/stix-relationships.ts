/**
 * Relationships of the STIX export: which relationship types STIX 2.1 defines between which
 * object types, and how the knowledge base's typed links map onto them. Pure.
 */
import type { LinkType } from '../kb/schema';
import { base, stixId, type StixObject } from './stix-common';

/**
 * The relationships STIX 2.1 defines ("source relationship target"), for the object types this
 * export writes (specification part 4; the OASIS validator's RELATIONSHIPS table). Anything else
 * must be one of the common relationships ("related-to", "derived-from", "duplicate-of").
 */
export const SPEC_RELATIONSHIPS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  campaign: {
    'attributed-to': ['intrusion-set', 'threat-actor'],
    'originates-from': ['location'],
    targets: ['identity', 'location', 'vulnerability'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  },
  identity: { 'located-at': ['location'] },
  'intrusion-set': {
    'attributed-to': ['threat-actor'],
    'originates-from': ['location'],
    targets: ['identity', 'location', 'vulnerability'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  },
  malware: {
    'authored-by': ['threat-actor', 'intrusion-set'],
    'originates-from': ['location'],
    targets: ['identity', 'infrastructure', 'location'],
    uses: ['attack-pattern', 'infrastructure', 'malware', 'tool'],
    'variant-of': ['malware'],
  },
  tool: { targets: ['identity', 'infrastructure', 'location', 'vulnerability'] },
};

/** Whether STIX 2.1 defines `rel` from an object of type `source` to one of type `target`. */
export function isSpecRelationship(rel: string, source: string, target: string): boolean {
  return SPEC_RELATIONSHIPS[source]?.[rel]?.includes(target) ?? false;
}

export interface MappedLink {
  rel: string;
  /** The relationship runs from the link's target to its source ("used-by" becomes "uses"). */
  reverse: boolean;
}

/**
 * A knowledge-base link as a STIX relationship between objects of the given types:
 * - "uses" and "attributed-to" keep their name where STIX defines them for the pair
 *   (group uses malware or tool, operation uses malware or tool, malware uses tool, operation
 *   attributed to a group); "used-by" is the same, reversed;
 * - every other link, and these where STIX does not define them for the pair (a group
 *   "attributed-to" an agency: STIX allows that only for threat-actor objects, which the KB does
 *   not model), becomes "related-to", and the KB's own type is kept in the description.
 * "same-as", "overlaps", "sub-group-of", "parent-of", "part-of" and "disputed" have no STIX type
 * of their own. Links to entries the export does not write (concepts, topics, policies, laws)
 * are skipped by the caller.
 */
export function mapLink(type: LinkType, source: string, target: string): MappedLink {
  if (type === 'used-by')
    return { rel: isSpecRelationship('uses', target, source) ? 'uses' : 'related-to', reverse: true };
  if ((type === 'uses' || type === 'attributed-to') && isSpecRelationship(type, source, target))
    return { rel: type, reverse: false };
  return { rel: 'related-to', reverse: false };
}

export interface RelationshipInput {
  rel: string;
  source: string;
  target: string;
  created: string;
  /** What makes two relationships of the same type and ends different (the KB link type). */
  key?: string;
  description?: string;
  confidence?: number;
}

export function relationship(r: RelationshipInput): StixObject {
  const id = stixId('relationship', `rel:${r.source}:${r.rel}:${r.target}:${r.key ?? ''}`);
  return {
    ...base('relationship', id, r.created),
    relationship_type: r.rel,
    source_ref: r.source,
    target_ref: r.target,
    ...(r.description ? { description: r.description } : {}),
    ...(r.confidence !== undefined ? { confidence: r.confidence } : {}),
  };
}
