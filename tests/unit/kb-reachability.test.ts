/** Over the knowledge base as built from the repository: every entry reachable, the audit's merges and names matched. */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildMatcherData } from '../../core/engine/analyze';
import { loadMatcher } from '../../core/engine/matcher';
import { toMatcherPatterns } from '../../core/kb/compile';
import { annotateDisputes } from '../../core/kb/disputed';
import { readKbFiles } from '../../core/kb/load-node';
import { unreachableEntries } from '../../core/kb/reachability';
import { validateKb } from '../../core/kb/validate';

const root = resolve(import.meta.dirname, '../..');
const entries = validateKb(readKbFiles(root), { today: '2026-12-07' });
const matcher = loadMatcher(
  buildMatcherData(toMatcherPatterns(entries), { model: {} as never, terms: [], patterns: [] }),
);
/** The entries a sentence naming `text` opens. */
const found = (text: string) => [
  ...new Set(matcher.findAll(`Researchers said ${text} was behind the intrusions.`).map((h) => matcher.id(h.pattern))),
];
const ids = new Set(entries.map((e) => e.id));

describe('the built knowledge base', () => {
  test('no entry is unreachable (each has a matched name or a cue set)', () => {
    expect(unreachableEntries(entries)).toEqual([]);
  });

  test.each([
    ['Liminal Panda', 'liminal-panda'],
    ['LIMINAL PANDA', 'liminal-panda'],
    ['Temper Panda', 'admin-338'],
    ['TEMPER PANDA', 'admin-338'],
    ['Bronze Riverside', 'apt10'],
    ['UNC6384', 'mustang-panda'],
    ['UNC2814', 'gallium'],
    ['WageMole', 'famous-chollima'],
    ['APT45', 'andariel'],
  ])('a page naming %j opens %s', (text, id) => {
    expect(found(text)).toEqual([id]);
  });

  // Microsoft's retired element names that are no word of the news (unlike Phosphorus, Thallium or
  // Gadolinium): the press's title case opens the group too, but only beside hacking words.
  test.each([
    ['Nobelium', 'apt29', true],
    ['NOBELIUM', 'apt29', false],
    ['Strontium', 'apt28', true],
    ['Zirconium', 'apt31', true],
    ['Actinium', 'gamaredon', true],
    ['Dubnium', 'darkhotel', true],
  ])('%j opens %s; needs hacking words near it: %s', (text, id, guarded) => {
    const hits = matcher.findAll(`Researchers said ${text} was behind the intrusions.`);
    expect(hits.map((h) => matcher.id(h.pattern))).toEqual([id]);
    expect(matcher.requiresContext(hits[0]!.pattern)).toBe(guarded);
  });

  test.each(['wagemole', 'unc6384', 'unc2814'])('the audit merge leaves no separate %s entry', (id) => {
    expect(ids.has(id)).toBe(false);
  });

  test('APT45: its own card says Mandiant tracks it apart, and the disputed name lists the other group on both cards', () => {
    const all = annotateDisputes(entries);
    const apt45 = all.find((e) => e.id === 'apt45')!;
    const andariel = all.find((e) => e.id === 'andariel')!;
    expect(apt45.summary).toContain('Mandiant tracks APT45 as a group of its own');
    expect(apt45.aliases.find((a) => a.text === 'APT45')?.alsoUsedFor).toContainEqual(
      expect.objectContaining({ id: 'andariel' }),
    );
    expect(andariel.aliases.find((a) => a.text === 'APT45')?.alsoUsedFor).toContainEqual(
      expect.objectContaining({ id: 'apt45', by: ['Mandiant'] }),
    );
  });
});
