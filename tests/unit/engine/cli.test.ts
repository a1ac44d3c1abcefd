import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURES, ROOT } from './helpers';

const tsx = join(ROOT, 'node_modules/.bin/tsx');
const run = (args: string[]) => spawnSync(tsx, ['scripts/classify.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('scripts/classify.ts', () => {
  test('one JSON line per file, in order, with an error line for an empty or missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spyglass-cli-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '  \n');
    const files = [
      join(FIXTURES, 'en-volt-typhoon-advisory.html'),
      empty,
      join(dir, 'missing.html'),
      join(FIXTURES, 'zh-hans-typhoon-weather.txt'),
    ];
    const r = run(files);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines[0]).toMatchObject({ isArticle: true, espionage: true, lang: 'en' });
    expect(Object.keys(lines[0]!)).toEqual(['file', 'isArticle', 'espionage', 'score', 'lang', 'entities', 'signals']);
    expect(lines[1]!.error).toBe('empty file');
    expect(typeof lines[2]!.error).toBe('string');
    expect(lines[3]).toMatchObject({ espionage: false, lang: 'zh-Hans' });
  }, 30_000);

  test('no files is a usage error', () => {
    const r = run([]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('usage');
  }, 30_000);

  test('tsx is where the test expects it', () => {
    expect(() => execFileSync(tsx, ['--version'])).not.toThrow();
  });
});
