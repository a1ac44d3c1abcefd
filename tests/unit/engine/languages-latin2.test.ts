/**
 * Vietnamese, Turkish, Indonesian, Malay, Romanian, Hungarian, Finnish and Estonian: every fixture in
 * tests/fixtures/articles/<lang>/ through the engine (synthetic KB + the real lexicon), with the
 * verdict, the detected language and the article check its index expects; the inflected and
 * agglutinated forms the lexicons rely on; and no hits of these lexicons in English text.
 */

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../core/engine/analyze';
import { LEXICON_FILES } from '../../../core/engine/lexicon-files';
import { DEFAULT_MODEL } from '../../../core/engine/lexicon';

import { readHtmlDocument } from '../../../core/engine/node-support';
import { compileTopicCues } from '../../../core/engine/topic-cues';
import { findTopicCue } from '../../../core/engine/topic-gate';
import type { MatcherPattern } from '../../../core/engine/types';
import {
  describeLanguageFixtures,
  describeScoreMargins,
  describeNoSharedForms,
  describeStaysOutOfEnglish,
} from './language-suite';
import { FIXTURES, langRows, matcherWith, namePattern } from './helpers';

const LANGS = ['vi', 'tr', 'id', 'ms', 'ro', 'hu', 'fi', 'et'] as const;

const p = namePattern;

/** The names these fixtures use, as the knowledge base spells them (synthetic: tests do not rely on the real KB). */
const EXTRA: MatcherPattern[] = [
  p('APT28', 'apt28', 'threat-actor'),
  p('APT31', 'apt31', 'threat-actor'),
  p('APT32', 'apt32', 'threat-actor'),
  p('Salt Typhoon', 'salt-typhoon', 'threat-actor'),
  p('Pegasus', 'pegasus-spyware', 'malware'),
  p('Predator', 'predator-spyware', 'malware'),
];
const matcher = matcherWith(EXTRA);

const rows = langRows(LANGS);

describeLanguageFixtures(LANGS, matcher);

describe('the language comes from the text, not only the declared tag', () => {
  test.each(rows.map((f) => [`${f.dir}/${f.file}`, f] as const))('%s', (_name, f) => {
    const text = readHtmlDocument(join(FIXTURES, f.dir, f.file)).body?.textContent ?? '';
    expect(analyzeText(text, { matcher }).lang).toBe(f.lang);
  });
});

describeScoreMargins(LANGS, matcher, { evidence: 1.5, termSignal: true });

const signalsOf = (text: string) => analyzeText(text, { matcher }).signals.map((s) => s.term);

describe('inflected, agglutinated and compound forms', () => {
  test.each([
    ['vi compound noun', 'Nhóm tin tặc này đã xâm nhập vào hệ thống của bộ.', 'nhóm tin tặc'],
    ['vi state backing', 'Tin tặc được nhà nước hậu thuẫn đã tấn công.', 'tin tặc được nhà nước hậu thuẫn'],
    ['vi cyber espionage', 'Các vụ gián điệp mạng gia tăng trong năm nay.', 'gián điệp mạng'],
    ['id prefixed verb', 'Jaringan kementerian diretas pekan lalu.', 'diretas'],
    ['id state backing', 'Kelompok itu didukung negara menurut laporan.', 'didukung negara'],
    ['ms derived noun', 'Penggodaman itu dikesan oleh agensi.', 'penggodam'],
    ['ms state sponsorship', 'Kumpulan itu ditaja kerajaan asing.', 'ditaja kerajaan'],
    ['ro plural genitive', 'Ținta atacurilor cibernetice au fost ministerele.', 'atacurilor cibernetic'],
    ['ro cedilla spelling', 'Hackerii sunt susţinuţi de stat, spun experţii.', 'susţinuţi de stat'],
    ['ro definite article', 'Gruparea de hackeri a atacat rețeaua.', 'gruparea de hackeri'],
    ['hu compound with case', 'A kibertámadásokat a hatóság vizsgálja.', 'kibertámad'],
    ['hu suffixed attribution', 'A csoport Oroszországhoz köthető, írja a jelentés.', 'oroszországhoz köthető'],
    ['hu derived noun', 'A kiberkémkedés ellen közösen lépnek fel.', 'kiberkém'],
    ['fi compound and case', 'Kyberhyökkäyksiä tehtiin useisiin ministeriöihin.', 'kyberhyökkäyks'],
    ['fi compound nationality', 'Venäläishakkerit tunkeutuivat verkkoon.', 'venäläishakkeri'],
    ['fi inflected noun', 'Tietomurron taustalla oli vakoilu.', 'tietomurro'],
    ['et compound and case', 'Küberrünnakute taga on riiklik toimija.', 'küberrünna'],
    ['et genitive', 'Häkkerite rühm ründas ministeeriumi.', 'häkkerite rühm'],
    ['et state backing', 'Rühm on riiklikult toetatud, teatas amet.', 'riiklikult toetatud'],
    ['tr case ending', 'Bakanlık, Çinli hackerların sistemlere sızdığını açıkladı.', 'çinli hacker'],
    ['tr plural locative', 'Siber saldırılarda kamu kurumları hedef alındı.', 'siber saldır'],
    ['tr suffixed noun', 'Casusluk kampanyasının arkasında bir grup var.', 'casusluk kampanya'],
    ['tr state backing', 'Devlet destekli bir grup ağa girdi.', 'devlet destekli'],
    ['tr sentence-initial İ', 'İstihbarat servisleri uyarı yayımladı.', 'İstihbarat servis'],
    ['tr all-caps headline', 'ÇİNLİ HACKERLAR BAKANLIĞA SIZDI', 'çİnlİ hacker'],
  ])('%s', (_name, text, term) => {
    expect(signalsOf(text)).toContain(term);
  });
});

describe('whole-word forms do not swallow longer words', () => {
  test.each([
    ['vi saltwater intrusion is not hacking', 'Xâm nhập mặn lan rộng ở đồng bằng.', 'xâm nhập hệ thống'],
    ['hu kínál (to offer) is not Kína', 'A bolt olcsó kenyeret kínál a vásárlóknak.', 'kína'],
    ['hu ügynökség (agency) is not ügynök', 'A hírszerző ügynökség jelentést adott ki.', 'ügynök'],
    ['fi tullivat (would come) is not tullit (tariffs)', 'He tullivat kotiin illalla.', 'tullit'],
    ['et kohtumine (meeting) is not a court', 'Kohtumine toimus eile Tallinnas.', 'kohtuotsus'],
    ['tr ajans is not ajan', 'İstihbarat ajansı açıklama yaptı ve ajansın raporu yayımlandı.', 'ajan'],
    ['tr yamaç is not yama', 'Yamaçtaki evler boşaltıldı.', 'yama'],
  ])('%s', (_name, text, term) => {
    expect(signalsOf(text)).not.toContain(term);
  });
});

describeNoSharedForms(LANGS);

describe('ordinary sentences give these lexicons no topic-gate cue', () => {
  // State-subsidised loans, politics "linked to Russia", cooking and drafting: no hacking here.
  const { cues } = compileTopicCues({
    lexicons: LANGS.map((l) => LEXICON_FILES[l]!),
    model: DEFAULT_MODEL,
    names: [],
  });
  test.each([
    ['vi', 'Doanh nghiệp được nhà nước hậu thuẫn vay vốn ưu đãi, còn xâm nhập mặn lan rộng ở đồng bằng.'],
    ['tr', 'Devlet destekli kredi faizleri düştü; Çin destekli yatırımlar da arttı.'],
    ['id', 'Program yang didukung pemerintah itu sedang disusun, dan ibu menyusun menu penggorengan.'],
    ['ms', 'Projek yang disokong kerajaan itu menggoda pelabur, kata pengusaha penggorengan.'],
    ['ro', 'Proiectul finanțat de stat este legat de Rusia prin contracte de gaze, au spus politicienii.'],
    ['hu', 'Az államilag támogatott hitelek iránt a feltörekvő vállalkozások is érdeklődnek.'],
    ['fi', 'Valtion tukema lainaohjelma jatkuu, ja tietomäärä kasvoi Kiinan valtion sijoitusten myötä.'],
    ['et', 'Riigi toetatud laenud ja sissemaksed kasvasid, teatas Hiina riigi investeerimisfond.'],
  ] as const)('%s', (_lang, text) => {
    expect(findTopicCue(text, cues)).toBeUndefined();
  });
});

describeStaysOutOfEnglish(LANGS, matcher);
