import type { Kind, LinkType, Party } from '../core/kb/schema';
import type { MessageKey } from '../core/i18n/strings';

export const KIND_LABEL: Record<Kind, MessageKey> = {
  organization: 'kindOrganization',
  'threat-actor': 'kindThreatActor',
  malware: 'kindMalware',
  operation: 'kindOperation',
  allegation: 'kindAllegation',
  action: 'kindAction',
  policy: 'kindPolicy',
  law: 'kindLaw',
  concept: 'kindConcept',
  topic: 'kindTopic',
};

/** Full and short names of the parties a claim goes from and to (see PARTIES in the schema). */
export const PARTY_LABEL: Record<Party, MessageKey> = {
  CN: 'partyCN',
  US: 'partyUS',
  UK: 'partyUK',
  NZ: 'partyNZ',
  AU: 'partyAU',
  CA: 'partyCA',
  EU: 'partyEU',
  RU: 'partyRU',
  KP: 'partyKP',
  IR: 'partyIR',
  UA: 'partyUA',
  allies: 'partyAllies',
  vendor: 'partyVendor',
  other: 'partyOther',
};

export const PARTY_SHORT: Record<Party, MessageKey> = {
  CN: 'partyShortCN',
  US: 'partyShortUS',
  UK: 'partyShortUK',
  NZ: 'partyShortNZ',
  AU: 'partyShortAU',
  CA: 'partyShortCA',
  EU: 'partyShortEU',
  RU: 'partyShortRU',
  KP: 'partyShortKP',
  IR: 'partyShortIR',
  UA: 'partyShortUA',
  allies: 'partyShortAllies',
  vendor: 'partyShortVendor',
  other: 'partyShortOther',
};

export const LINK_LABEL: Record<LinkType, MessageKey> = {
  'same-as': 'linkSameAs',
  overlaps: 'linkOverlaps',
  'sub-group-of': 'linkSubGroupOf',
  'parent-of': 'linkParentOf',
  uses: 'linkUses',
  'used-by': 'linkUsedBy',
  'attributed-to': 'linkAttributedTo',
  'part-of': 'linkPartOf',
  disputed: 'linkDisputed',
};

/** The order link groups appear in: identity first, then structure, then tools. */
export const LINK_ORDER: readonly LinkType[] = [
  'same-as',
  'disputed',
  'overlaps',
  'attributed-to',
  'parent-of',
  'sub-group-of',
  'part-of',
  'uses',
  'used-by',
];
