import { describe, expect, test } from 'vitest';
import type { ArticleContext } from '../../core/export/context';
import { toStixBundle, stixTime, type StixObject } from '../../core/export/stix';
import { sha1Hex, uuidV5 } from '../../core/export/uuid';
import { CONTEXT } from './export-fixtures';

const NOW = new Date('2026-12-02T05:30:00.000Z');
const ID = /^([a-z][a-z0-9-]*)--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Required properties per object type (STIX 2.1, part 4 and 5), beyond type/id/spec_version/created/modified. */
const REQUIRED: Record<string, string[]> = {
  identity: ['name'],
  'intrusion-set': ['name'],
  malware: ['is_family', 'name'],
  tool: ['name'],
  campaign: ['name'],
  location: [],
  report: ['name', 'published', 'object_refs'],
  note: ['content', 'object_refs'],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
};

/** Every problem with a bundle's shape, as readable lines (empty when valid). */
function problems(bundle: { type: string; id: string; objects: StixObject[] }): string[] {
  const out: string[] = [];
  if (bundle.type !== 'bundle') out.push('bundle type');
  if (!ID.test(bundle.id) || !bundle.id.startsWith('bundle--')) out.push(`bundle id ${bundle.id}`);
  const ids = new Set<string>();
  for (const o of bundle.objects) {
    const where = `${o.type} ${o.id}`;
    if (ids.has(o.id)) out.push(`${where}: duplicate id`);
    ids.add(o.id);
    const m = ID.exec(o.id);
    if (!m || m[1] !== o.type) out.push(`${where}: id does not match "<type>--<uuid>"`);
    if (o.spec_version !== '2.1') out.push(`${where}: spec_version`);
    for (const k of ['created', 'modified'])
      if (typeof o[k] !== 'string' || !TIME.test(o[k] as string)) out.push(`${where}: ${k}`);
    const req = REQUIRED[o.type];
    if (!req) out.push(`${where}: type not expected`);
    for (const k of req ?? []) if (o[k] === undefined) out.push(`${where}: missing ${k}`);
    if (o.type === 'location' && !o.country && !o.region) out.push(`${where}: location needs country or region`);
    if (o.type === 'malware' && typeof o.is_family !== 'boolean') out.push(`${where}: is_family`);
    if ('object_refs' in o && (!Array.isArray(o.object_refs) || o.object_refs.length === 0))
      out.push(`${where}: object_refs empty`);
    for (const ref of (o.external_references as Record<string, unknown>[] | undefined) ?? [])
      if (!ref.source_name || !(ref.url || ref.external_id || ref.description))
        out.push(`${where}: external reference needs source_name and url, external_id or description`);
    if ('aliases' in o && (!Array.isArray(o.aliases) || o.aliases.includes(o.name)))
      out.push(`${where}: aliases must be a list without the name`);
  }
  for (const o of bundle.objects) {
    const refs = [
      ...(['source_ref', 'target_ref', 'created_by_ref'] as const).map((k) => o[k]).filter((r) => r !== undefined),
      ...((o.object_refs as string[] | undefined) ?? []),
    ];
    for (const r of refs)
      if (typeof r !== 'string' || !ids.has(r)) out.push(`${o.type} ${o.id}: dangling ref ${String(r)}`);
  }
  return out;
}

describe('uuid v5', () => {
  test.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['a'.repeat(1000), '291e9a6c66994949b57ba5e650361e98fc36b1ba'],
  ])('sha1(%#)', (input, hex) => {
    expect(sha1Hex(input)).toBe(hex);
  });
  test('matches the RFC example (DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('toStixBundle', () => {
  const bundle = toStixBundle(CONTEXT, { now: NOW });
  const byType = (t: string) => bundle.objects.filter((o) => o.type === t);
  const named = (name: string) => bundle.objects.find((o) => o.name === name)!;

  test('the bundle is well formed: ids, versions, timestamps, required properties, refs inside the bundle', () => {
    expect(problems(bundle)).toEqual([]);
  });

  test('the validator catches what it should', () => {
    const broken = structuredClone(bundle);
    const rel = broken.objects.find((o) => o.type === 'relationship')!;
    rel.target_ref = 'malware--00000000-0000-5000-8000-000000000000';
    const mal = broken.objects.find((o) => o.type === 'malware')!;
    delete mal.is_family;
    broken.objects.push({ ...broken.objects[0]! });
    expect(problems(broken)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('dangling ref malware--00000000'),
        expect.stringContaining('missing is_family'),
        expect.stringContaining('duplicate id'),
      ]),
    );
  });

  test.each([
    ['APT35', 'intrusion-set'],
    ['POWERLESS', 'malware'],
    ['PsExec', 'tool'],
    ['Operation Example', 'campaign'],
    ['CNCERT/CC', 'identity'],
  ])('%s is a %s', (name, type) => {
    expect(named(name).type).toBe(type);
  });

  test('concepts and allegations are not SDOs; the event is a note on the report', () => {
    expect(bundle.objects.find((o) => o.name === 'Cyber-espionage')).toBeUndefined();
    const [note] = byType('note');
    expect(note?.content).toContain('CNCERT/CC alleged (2024-12-18), against US intelligence agencies');
    expect(note?.content).toContain('(checked 2026-11-30)');
    expect(note?.object_refs).toEqual([byType('report')[0]!.id]);
  });

  test('aliases (disputed ones left out) and external references: ATT&CK first, then sources', () => {
    const apt35 = named('APT35');
    expect(apt35.aliases).toEqual(['Charming Kitten', 'Mint Sandstorm']);
    expect(apt35.first_seen).toBe('2014-05-01T00:00:00.000Z');
    expect(apt35.external_references).toEqual([
      { source_name: 'mitre-attack', external_id: 'G0059', url: 'https://attack.mitre.org/groups/G0059/' },
      { source_name: 'Example Lab', url: 'https://example.org/apt35', description: 'Report on apt35 (2024-05-01)' },
    ]);
  });

  test('relationships from typed links, spec types where STIX defines them, only between exported objects', () => {
    const rels = byType('relationship').map((r) => {
      const name = (id: unknown) => bundle.objects.find((o) => o.id === id)?.name;
      return [name(r.source_ref), r.relationship_type, name(r.target_ref)];
    });
    expect(rels).toEqual(
      expect.arrayContaining([
        ['APT35', 'uses', 'POWERLESS'],
        ['APT35', 'related-to', 'APT42'],
        ['APT42', 'uses', 'PsExec'],
        ['Operation Example', 'attributed-to', 'APT35'],
        ['APT35', 'originates-from', 'IR'],
      ]),
    );
    expect(rels).toHaveLength(5);
    expect(byType('location')).toEqual([expect.objectContaining({ country: 'IR' })]);
  });

  test('the report points at every exported object and the article', () => {
    const [report] = byType('report');
    expect(report).toMatchObject({
      name: 'China blames US for cyber-espionage',
      published: '2024-12-19T00:00:00.000Z',
      created: NOW.toISOString(),
      external_references: [{ source_name: 'article', url: CONTEXT.url }],
    });
    const expected = bundle.objects.filter(
      (o) => !['report', 'note'].includes(o.type) && o.name !== 'Spyglass (knowledge base)',
    );
    expect([...(report!.object_refs as string[])].sort()).toEqual(expected.map((o) => o.id).sort());
    expect(report!.description).toContain(
      'Refers in words to A [2022] report *with* markup (CNCERT, Russia, Ukraine).',
    );
  });

  test('ids are deterministic across exports; the bundle id is not', () => {
    const again = toStixBundle(CONTEXT, { now: new Date('2026-12-03T00:00:00.000Z') });
    expect(again.objects.map((o) => o.id)).toEqual(bundle.objects.map((o) => o.id));
    expect(again.id).not.toBe(bundle.id);
  });

  test('an empty page still gives a valid bundle', () => {
    const empty: ArticleContext = {
      url: 'https://x.example/',
      entities: [],
      references: [],
      timeline: [],
      patternNames: [],
    };
    const b = toStixBundle(empty, { now: NOW });
    expect(problems(b)).toEqual([]);
    expect(b.objects.map((o) => o.type)).toEqual(['identity', 'report']);
  });

  test.each([
    ['2024', '2024-01-01T00:00:00.000Z'],
    ['2024-05', '2024-05-01T00:00:00.000Z'],
    ['2024-05-09', '2024-05-09T00:00:00.000Z'],
  ])('stixTime(%s)', (d, t) => {
    expect(stixTime(d)).toBe(t);
  });
});
