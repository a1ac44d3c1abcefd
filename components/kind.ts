import type { Kind } from '../core/kb/schema';
import type { MessageKey } from '../core/i18n/strings';

export const KIND_LABEL: Record<Kind, MessageKey> = {
  organization: 'kindOrganization',
  'threat-actor': 'kindThreatActor',
  operation: 'kindOperation',
  allegation: 'kindAllegation',
  action: 'kindAction',
  policy: 'kindPolicy',
  law: 'kindLaw',
  concept: 'kindConcept',
};
