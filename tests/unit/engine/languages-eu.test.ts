/**
 * Spanish, Portuguese, French, German, Italian, Dutch and Polish: every fixture in
 * tests/fixtures/articles/<lang>/ through the engine (synthetic KB + the real lexicon), with the
 * verdict, the detected language and the article check its index expects.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeDocument, analyzeText, buildMatcherData } from '../../../core/engine/analyze';

import { loadMatcher } from '../../../core/engine/matcher';
import { readHtmlDocument } from '../../../core/engine/node-support';
import type { MatcherPattern } from '../../../core/engine/types';
import { FIXTURES, SYNTHETIC_PATTERNS, type FixtureRecord, namePattern } from './helpers';
import { describeStaysOutOfEnglish } from './language-suite';

const LANGS = ['es', 'pt', 'fr', 'de', 'it', 'nl', 'pl'] as const;

const p = namePattern;

/** The names these fixtures use, as the knowledge base spells them (synthetic: tests do not rely on the real KB). */
const EXTRA: MatcherPattern[] = [
  p('APT28', 'apt28', 'threat-actor'),
  p('APT31', 'apt31', 'threat-actor'),
  p('Salt Typhoon', 'salt-typhoon', 'threat-actor'),
  p('Tifón Salado', 'salt-typhoon', 'threat-actor'),
  p('Tufão de Sal', 'salt-typhoon', 'threat-actor'),
  p('Pegasus', 'pegasus-spyware', 'malware'),
  p('Predator', 'predator-spyware', 'malware'),
  p('Graphite', 'graphite-spyware', 'malware'),
];
const matcher = loadMatcher(
  JSON.parse(JSON.stringify(buildMatcherData([...SYNTHETIC_PATTERNS, ...EXTRA]))) as ReturnType<
    typeof buildMatcherData
  >,
);

const index = (lang: string): FixtureRecord[] =>
  JSON.parse(readFileSync(join(FIXTURES, lang, 'index.json'), 'utf8')) as FixtureRecord[];
const rows = LANGS.flatMap((lang) => index(lang).map((f) => ({ ...f, dir: lang })));
const analyse = (dir: string, file: string) =>
  analyzeDocument(readHtmlDocument(join(FIXTURES, dir, file)), { matcher });

describe('fixture indexes', () => {
  test.each(LANGS.map((l) => [l] as const))(
    '%s: at least 3 espionage articles and 3 hard negatives, every file listed',
    (lang) => {
      const rs = index(lang);
      expect(rs.filter((r) => r.espionage).length).toBeGreaterThanOrEqual(3);
      expect(rs.filter((r) => !r.espionage).length).toBeGreaterThanOrEqual(3);
      expect(rs.every((r) => r.lang === lang)).toBe(true);
      const files = readdirSync(join(FIXTURES, lang)).filter((f) => f.endsWith('.html'));
      expect(rs.map((r) => r.file).sort()).toEqual(files.sort());
    },
  );
});

describe('verdict and language on every fixture', () => {
  test.each(rows.map((f) => [`${f.dir}: ${f.note}`, f] as const))('%s', (_name, f) => {
    const a = analyse(f.dir, f.file);
    expect({ espionage: a.espionage, lang: a.lang }).toEqual({ espionage: f.espionage, lang: f.lang });
    if (f.isArticle !== undefined) expect(a.isArticle).toBe(f.isArticle);
  });
});

describe('hard negatives stay well below the threshold', () => {
  test.each(rows.filter((f) => !f.espionage).map((f) => [`${f.dir}/${f.file}`, f] as const))('%s', (_name, f) => {
    expect(analyse(f.dir, f.file).score).toBeLessThan(0.35);
  });
});

const signalsOf = (text: string) => analyzeText(text, { matcher }).signals.map((s) => s.term);

describe('inflected and compound forms', () => {
  test.each([
    ['de compound plural', 'Die Hackerangriffe auf die Stadtwerke dauerten an.', 'hackerangriff'],
    ['de compound start', 'Die Cyberspionagekampagne lief über Monate.', 'cyberspionagekampagne'],
    ['de dative plural', 'Das Amt warnt vor chinesischen Hackern in Firmennetzen.', 'chinesischen hacker'],
    ['de participle phrase', 'Staatlich gesteuerte Hacker griffen die Netze an.', 'staatlich gesteuert'],
    ['pl case ending', 'Ministerstwo potwierdziło, że doszło do cyberataku na serwery.', 'cyberatak'],
    ['pl instrumental', 'Sieć była atakowana przez grupę powiązaną z rosyjskimi hakerami.', 'rosyjskimi haker'],
    ['fr plural', 'Les cyberattaques ont visé trois ministères.', 'cyberattaque'],
    ['fr attribution', 'Les attaques sont attribuées à un groupe connu.', 'attribuées à'],
    ['es attribution', 'El ataque fue atribuido a un grupo conocido.', 'atribuido a'],
    ['it case forms', 'Gli attacchi sono riconducibili alla Cina secondo il rapporto.', 'riconducibili alla'],
    ['nl compound', 'De cyberaanvallen op gemeenten namen toe.', 'cyberaanval'],
    ['pt state backing', 'Os hackers patrocinados pelo Estado invadiram redes.', 'patrocinados pelo estado'],
  ])('%s', (_name, text, term) => {
    expect(signalsOf(text)).toContain(term);
  });
});

describeStaysOutOfEnglish(LANGS, matcher);
