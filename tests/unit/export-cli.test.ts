/**
 * The export CLI (`npm run export`) and the pipeline it shares with the extension, on our fixture
 * pages with the real knowledge base.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { toStixBundle, type StixBundle } from '../../core/export/stix';
import { COUNTRIES } from '../../core/export/stix-locations';
import { exportText, nodeKb, readSavedPage, type NodeKb } from '../../core/pipeline/export-page';
import { FIXTURES, ROOT } from './engine/helpers';
import { stixProblems } from './stix-validator';

const tsx = join(ROOT, 'node_modules/.bin/tsx');
const run = (args: string[]) =>
  spawnSync(tsx, ['scripts/export.ts', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const CNCERT = join(FIXTURES, 'en-cncert-us-intelligence.html');
const DEMO = join(ROOT, 'tests/fixtures/pages/demo-article.html');

let kb: NodeKb;
beforeAll(() => {
  kb = nodeKb(ROOT);
}, 60_000);

const saved = (file: string, url?: string) => readSavedPage(readFileSync(file), file, kb, url);

describe('npm run export', () => {
  test('--format stix prints a valid bundle for the founding story', () => {
    const r = run([CNCERT, '--format', 'stix']);
    expect(r.status, r.stderr).toBe(0);
    const bundle = JSON.parse(r.stdout) as StixBundle;
    expect(stixProblems(bundle)).toEqual([]);
    const named = (name: string) => bundle.objects.find((o) => o.name === name);
    // The page carries no date: the article is a grouping, never dated by the export.
    expect(
      bundle.objects.find((o) => o.name === "China's cyber agency accuses US intelligence of hacking two tech firms"),
    ).toMatchObject({ type: 'grouping', context: 'unspecified' });
    expect(named('CNCERT/CC')?.type).toBe('identity');
    const statement = bundle.objects.find((o) => o.type === 'report' && String(o.name).startsWith('CNCERT statement'));
    expect(statement?.published).toBe('2024-12-18T00:00:00.000Z');
    const china = named('China');
    expect(china).toMatchObject({ type: 'location', country: 'CN', region: 'eastern-asia' });
    expect(
      bundle.objects.some(
        (o) => o.type === 'relationship' && o.relationship_type === 'located-at' && o.target_ref === china?.id,
      ),
    ).toBe(true);
    // The same code as in-process: the CLI prints exactly what the pipeline exports.
    const { context } = saved(CNCERT);
    expect(r.stdout).toBe(exportText(context, 'stix', kb.asOf));
  }, 60_000);

  test('--format md prints the Markdown the popup copies', () => {
    const r = run([CNCERT, '--format', 'md', '--url', 'https://news.example/cncert']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      "# China's cyber agency accuses US intelligence of hacking two tech firms",
      '',
      '<https://news.example/cncert>',
    ]);
    expect(r.stdout).toContain('- **CNCERT/CC** (organization');
  }, 60_000);

  test.each([
    [[], 'no page given'],
    [[CNCERT, '--format', 'pdf'], '--format must be stix or md'],
    [[join(FIXTURES, 'missing.html'), '--format', 'md'], 'cannot read'],
  ])(
    '%j is an error',
    (args, message) => {
      const r = run(args);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(message);
    },
    60_000,
  );
});

describe('the pipeline on dated pages', () => {
  test('a page with a date: the report is published on the article’s date, the event leads', () => {
    const { state, context } = saved(DEMO, 'https://news.example/demo');
    expect(state.published).toBe('2024-12-18');
    expect(context.event?.id).toBe('cncert-two-intrusions-2024');
    const bundle = JSON.parse(JSON.stringify(toStixBundle(context, { kbAsOf: kb.asOf }))) as StixBundle;
    expect(stixProblems(bundle)).toEqual([]);
    const article = bundle.objects.find((o) => o.type === 'report' && o.object_refs && o.name === state.title);
    expect(article?.published).toBe('2024-12-18T00:00:00.000Z');
    const note = bundle.objects.find((o) => o.type === 'note' && String(o.abstract).startsWith('This article reports'));
    expect(note?.object_refs).toEqual([article?.id, expect.stringMatching(/^report--/)]);
  });

  test.each(
    readFileSync(join(FIXTURES, 'index.json'), 'utf8')
      .match(/"[^"]+\.html"/g)!
      .map((s) => s.slice(1, -1)),
  )('every fixture exports a valid bundle: %s', (name) => {
    const file = join(FIXTURES, name);
    const { context } = saved(file);
    const bundle = JSON.parse(exportText(context, 'stix', kb.asOf)) as StixBundle;
    expect(stixProblems(bundle)).toEqual([]);
    // No name the knowledge base knows is listed as a name it does not know.
    const known = new Set(
      [...kb.entries.values()].flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)].map((t) => t.toLowerCase())),
    );
    expect(context.patternNames.filter((n) => known.has(n.text.toLowerCase()))).toEqual([]);
  });

  test('a known name only in the headline is an entity, not an unknown name', () => {
    const html = `<!doctype html><html lang="en"><head><title>Volt Typhoon returns</title></head><body>
      <article><h1>Volt Typhoon returns</h1>${'<p>US and allied agencies said state-sponsored hackers broke into networks of critical infrastructure operators, stole credentials and kept access for years for espionage; the cyber-espionage campaign used living-off-the-land techniques, officials said.</p>'.repeat(4)}</article></body></html>`;
    const { context } = readSavedPage(new TextEncoder().encode(html), 'headline.html', kb, 'https://news.example/h');
    expect(context.patternNames.map((n) => n.text)).not.toContain('Volt Typhoon');
    expect(context.entities.map((e) => e.entry.id)).toContain('volt-typhoon');
  });
});

describe('the countries data', () => {
  test('every country and party code the knowledge base uses has a location (or is a bloc or side)', () => {
    const codes = new Set<string>();
    for (const e of kb.entries.values()) {
      if (e.country) codes.add(e.country);
      for (const a of e.attribution ?? []) codes.add(a.country);
      if (e.claim) for (const p of [e.claim.byParty, e.claim.againstParty]) codes.add(p);
    }
    const sides = new Set(['allies', 'vendor', 'other']);
    expect([...codes].filter((c) => !sides.has(c) && !COUNTRIES.has(c)).sort()).toEqual([]);
  });
});
