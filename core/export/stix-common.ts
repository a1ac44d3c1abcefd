/**
 * What every STIX 2.1 object of the export shares: name-based ids, timestamps, the TLP:CLEAR
 * marking and our author identity, and the confidence scale. Pure.
 */
import { uuidV5 } from './uuid';

/** Our namespace for version 5 ids (a fixed random UUID; never change it, or ids stop merging). */
export const SPYGLASS_NAMESPACE = '3c5e7c2a-6f0b-4a53-9d6e-2f7a51c1b8e4';

export type StixObject = Record<string, unknown> & { type: string; id: string };
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** A name-based id: the same name always gives the same id, so re-exports merge on import. */
export const stixId = (type: string, name: string): string => `${type}--${uuidV5(name, SPYGLASS_NAMESPACE)}`;

/** An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as a STIX timestamp at midnight UTC. */
export function stixTime(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}T00:00:00.000Z`;
}

/**
 * The standard TLP 2.0 CLEAR marking, exactly as OASIS publishes it
 * (cti-stix-common-objects, extension-definition-specifications/tlp-2.0/examples/tlp-clear.json):
 * importers recognise it by this fixed id. Everything Spyglass exports is public background.
 */
export const TLP_CLEAR_ID = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
export const TLP_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
export const TLP_CLEAR: StixObject = {
  type: 'marking-definition',
  spec_version: '2.1',
  id: TLP_CLEAR_ID,
  created: '2022-10-01T00:00:00.000Z',
  name: 'TLP:CLEAR',
  extensions: { [TLP_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: 'clear' } },
};

/** When our author identity was first written (fixed, so it never changes between exports). */
export const SPYGLASS_EPOCH = '2026-01-01T00:00:00.000Z';

export const AUTHOR: StixObject = {
  type: 'identity',
  spec_version: '2.1',
  id: stixId('identity', 'spyglass'),
  created: SPYGLASS_EPOCH,
  modified: SPYGLASS_EPOCH,
  name: 'Spyglass (knowledge base)',
  identity_class: 'system',
  object_marking_refs: [TLP_CLEAR_ID],
};

/** The properties every object we write carries besides its own: version, times, author, marking. */
export function base(type: string, id: string, time: string): StixObject {
  return {
    type,
    spec_version: '2.1',
    id,
    created: time,
    modified: time,
    created_by_ref: AUTHOR.id,
    object_marking_refs: [TLP_CLEAR_ID],
  };
}

/**
 * The STIX 2.1 specification's "None / Low / Med / High" confidence scale, as it maps each level
 * to a STIX confidence value. Spyglass never invents a number: it picks a level by a stated rule
 * (see stix-objects.ts and the README) and uses the specification's value for it.
 */
export const CONFIDENCE = { low: 15, med: 50, high: 85 } as const;
