/** Over the knowledge base as built from the repository: every entry reachable, the audit's merges and names matched. */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toMatcherPatterns } from '../../core/kb/compile';
import { annotateDisputes } from '../../core/kb/disputed';
import { readKbFiles } from '../../core/kb/load-node';
import { unreachableEntries } from '../../core/kb/reachability';
import { validateKb } from '../../core/kb/validate';

const root = resolve(import.meta.dirname, '../..');
const entries = validateKb(readKbFiles(root), { today: '2026-12-07' });
const patterns = toMatcherPatterns(entries);
const ids = new Set(entries.map((e) => e.id));

describe('the built knowledge base', () => {
  test('no entry is unreachable (each has a matched name or a cue set)', () => {
    expect(unreachableEntries(entries)).toEqual([]);
  });

  test.each([
    ['Liminal Panda', 'liminal-panda'],
    ['LIMINAL PANDA', 'liminal-panda'],
    ['Temper Panda', 'admin-338'],
    ['Bronze Riverside', 'apt10'],
    ['UNC6384', 'mustang-panda'],
    ['UNC2814', 'gallium'],
    ['APT45', 'apt45'],
  ])('%j is matched for %s', (text, id) => {
    expect(patterns.filter((p) => p.text === text).map((p) => p.id)).toEqual([id]);
  });

  test.each(['wagemole', 'unc6384', 'unc2814'])('the audit merge leaves no separate %s entry', (id) => {
    expect(ids.has(id)).toBe(false);
  });

  test('the APT45 card says the name is disputed, and who uses it for Andariel', () => {
    const apt45 = annotateDisputes(entries).find((e) => e.id === 'apt45')!;
    expect(apt45.summary).toContain('Mandiant tracks APT45 as a group of its own');
    expect(apt45.aliases.find((a) => a.text === 'APT45')?.alsoUsedFor).toContainEqual(
      expect.objectContaining({ id: 'andariel', by: ['Microsoft'] }),
    );
  });
});
