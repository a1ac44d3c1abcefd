import { describe, expect, test } from 'vitest';
import { caseVariants, nameVariants } from '../../../core/engine/name-variants';
import { toMatcherPatterns } from '../../../core/kb/compile';
import { buildMatcherData } from '../../../core/engine/analyze';
import { loadMatcher } from '../../../core/engine/matcher';
import type { Entry } from '../../../core/kb/schema';

describe('nameVariants', () => {
  test.each([
    ['Cybersecurity and Infrastructure Security Agency', 'Cybersecurity & Infrastructure Security Agency'],
    ['Bureau of Industry & Security', 'Bureau of Industry and Security'],
    ['Coordination Center', 'Coordination Centre'],
    ['Ministry of Defence', 'Ministry of Defense'],
    ['U.S. Cyber Command', 'US Cyber Command'],
    ['US Cyber Command', 'U.S. Cyber Command'],
    ['APT27', 'APT 27'],
    ['APT27', 'APT-27'],
    ['APT 27', 'APT27'],
    ['Storm-0558', 'Storm 0558'],
    ['cyber-espionage', 'cyber espionage'],
    ["People's Liberation Army", 'Peoples Liberation Army'],
  ])('%s -> %s', (alias, variant) => {
    expect(nameVariants(alias)).toContain(variant);
  });

  test.each([['Volt Typhoon'], ['NSA'], ['国家互联网应急中心']])('%s has no variant but itself', (alias) => {
    expect(nameVariants(alias)).toEqual([alias]);
  });

  test('the alias itself comes first and forms are capped', () => {
    const v = nameVariants('U.S. Centre and Defence Organisation of the U.K. and U.S. Programme');
    expect(v[0]).toBe('U.S. Centre and Defence Organisation of the U.K. and U.S. Programme');
    expect(v.length).toBeLessThanOrEqual(16);
  });
});

const entry = (id: string, aliases: Entry['aliases']): Entry => ({
  id,
  kind: 'organization',
  name: id,
  aliases,
  summary: 's',
  details: [],
  dates: [],
  related: [],
  sources: [{ url: 'https://example.org/', title: 't', publisher: 'p' }],
  asOf: '2026-12-01',
  chinaRelated: false,
});
const alias = (text: string, caseSensitive = false): Entry['aliases'][number] => ({
  text,
  lang: 'en',
  caseSensitive,
  requiresContext: false,
  primary: false,
});

describe('variants in the matcher', () => {
  const entries = [
    entry('cisa', [alias('Cybersecurity and Infrastructure Security Agency')]),
    entry('cncert', [alias('Coordination Center of China')]),
    entry('us-cyber-command', [alias('U.S. Cyber Command')]),
    entry('apt27', [alias('APT27', true)]),
  ];
  const m = loadMatcher(buildMatcherData(toMatcherPatterns(entries), { model: {} as never, terms: [], patterns: [] }));
  test.each([
    ['pointing to the Cybersecurity & Infrastructure Security Agency.', 'cisa'],
    ['the National Computer Network Emergency Response Technical Team/Coordination Centre of China said', 'cncert'],
    ['officials at US Cyber Command declined', 'us-cyber-command'],
    ['a group tracked as APT 27 by', 'apt27'],
    ['a group tracked as APT-27 by', 'apt27'],
  ])('%s', (text, id) => {
    expect(m.findAll(text).map((h) => m.id(h.pattern))).toContain(id);
  });

  test.each([
    ['a case-sensitive code after its spaced form', [alias('UAT 4356', true), alias('UAT-4356', true)], 'UAT-4356'],
    [
      'a dotted name after its undotted form',
      [alias('US Department of Justice'), alias('U.S. Department of Justice')],
      'U.S. Department of Justice',
    ],
  ])('an alias listed after one whose variant it is still matches as written: %s', (_what, aliases, text) => {
    const ps = toMatcherPatterns([entry('x', aliases)]);
    expect(ps.filter((p) => p.text === text).map((p) => p.id)).toEqual(['x']);
    const mm = loadMatcher(buildMatcherData(ps, { model: {} as never, terms: [], patterns: [] }));
    expect(mm.findAll(`officials said ${text} was involved`).map((h) => mm.id(h.pattern))).toContain('x');
  });

  test('a variant never takes another entry’s alias', () => {
    const es = [entry('a', [alias('U.S. Army')]), entry('b', [alias('US Army')])];
    const ps = toMatcherPatterns(es);
    expect(ps.filter((p) => p.text === 'US Army').map((p) => p.id)).toEqual(['b']);
    expect(ps.filter((p) => p.text === 'U.S. Army').map((p) => p.id)).toEqual(['a']);
  });
});

describe('caseVariants: a case-sensitive multi-word name in title case and in capitals', () => {
  test.each([
    ['LIMINAL PANDA', ['Liminal Panda']],
    ['TEMPER PANDA', ['Temper Panda']],
    ['Fancy Bear', ['FANCY BEAR']],
    ['BRONZE RIVERSIDE', ['Bronze Riverside']],
    ['Night-Dragon', ['NIGHT-DRAGON']],
    // One word has no other form: "PLATINUM" is a name, "Platinum" a metal.
    ['PLATINUM', []],
    ['Sidewinder', []],
    // Codes and dotted names keep their one spelling.
    ['APT-C-36', []],
    ['TEMP.Veles', []],
  ])('%j -> %j', (text, want) => {
    expect(caseVariants(text)).toEqual(want);
  });
});

describe('letter case in the matcher', () => {
  const entries = [
    entry('liminal-panda', [alias('LIMINAL PANDA', true)]),
    entry('fancy-bear', [alias('Fancy Bear', true)]),
    entry('platinum', [alias('PLATINUM', true)]),
  ];
  const m = loadMatcher(buildMatcherData(toMatcherPatterns(entries), { model: {} as never, terms: [], patterns: [] }));
  test.each([
    ['CrowdStrike said Liminal Panda breached telecoms', 'liminal-panda', true],
    ['CrowdStrike said LIMINAL PANDA breached telecoms', 'liminal-panda', true],
    ['a liminal panda at the zoo', 'liminal-panda', false],
    ['FANCY BEAR RETURNS, the headline said', 'fancy-bear', true],
    ['a fancy bear costume', 'fancy-bear', false],
    ['PLATINUM used hot-patching', 'platinum', true],
    ['a platinum ring', 'platinum', false],
    ['Platinum prices rose', 'platinum', false],
  ])('%j finds %s: %s', (text, id, want) => {
    expect(m.findAll(text).some((h) => m.id(h.pattern) === id)).toBe(want);
  });
});
