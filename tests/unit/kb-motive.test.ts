import { describe, expect, test } from 'vitest';
import { effectiveVerdictClass } from '../../core/kb/motive';
import type { Entry } from '../../core/kb/schema';

const entry = (kind: Entry['kind'], names: string[], extra: Partial<Entry> = {}) =>
  ({
    kind,
    name: names[0]!,
    aliases: names.map((text) => ({ text, lang: 'en', caseSensitive: false, requiresContext: false, primary: false })),
    ...extra,
  }) as Pick<Entry, 'kind' | 'aliases' | 'name' | 'verdictClass' | 'softwareType'>;

describe('effectiveVerdictClass', () => {
  test.each([
    ['Mandiant FIN number', entry('threat-actor', ['FIN7', 'Carbanak']), 'criminal'],
    ['Microsoft Tempest', entry('threat-actor', ['Octo Tempest', 'Scattered Spider']), 'criminal'],
    ['Secureworks GOLD', entry('threat-actor', ['GOLD BLACKBURN']), 'criminal'],
    ['a criminal and a state name: the state name wins', entry('threat-actor', ['APT41', 'WICKED SPIDER']), undefined],
    ['a state group', entry('threat-actor', ['Volt Typhoon', 'BRONZE SILHOUETTE']), undefined],
    ['an unnamed scheme says nothing', entry('threat-actor', ['Lazarus Group']), undefined],
    ['FIN in a malware name is not a group', entry('malware', ['FIN7']), undefined],
    ['commercial spyware', entry('malware', ['Pegasus'], { softwareType: 'spyware' }), 'spyware'],
    ['a dual-use tool', entry('malware', ['Cobalt Strike'], { softwareType: 'tool' }), 'tool'],
    ['an own class wins', entry('threat-actor', ['FIN7'], { verdictClass: 'destructive' }), 'destructive'],
  ] as const)('%s', (_name, e, want) => {
    expect(effectiveVerdictClass(e)).toBe(want);
  });
});
