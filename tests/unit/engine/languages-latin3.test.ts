/**
 * Czech, Slovak, Swedish, Norwegian, Danish, Lithuanian and Latvian: every fixture in
 * tests/fixtures/articles/<lang>/ through the engine (synthetic KB + the real lexicon), with the
 * verdict, the detected language and the article check its index expects; the case endings and
 * compounds the lexicons rely on; and no surface form in two lexicon files (the matcher reads every
 * file, so a form listed twice would count twice: forms Czech and Slovak, or Norwegian and Danish,
 * write alike are listed once).
 */

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../core/engine/analyze';
import { detectLang } from '../../../core/engine/lang';
import { LEXICON_FILES } from '../../../core/engine/lexicon-files';
import { DEFAULT_MODEL } from '../../../core/engine/lexicon';
import { compileTopicCues } from '../../../core/engine/topic-cues';
import { findTopicCue } from '../../../core/engine/topic-gate';

import { readHtmlDocument } from '../../../core/engine/node-support';
import type { MatcherPattern } from '../../../core/engine/types';
import {
  describeLanguageFixtures,
  describeScoreMargins,
  describeNoSharedForms,
  describeStaysOutOfEnglish,
} from './language-suite';
import { FIXTURES, langRows, matcherWith, namePattern } from './helpers';

const LANGS = ['cs', 'sk', 'sv', 'no', 'da', 'lt', 'lv'] as const;

const p = namePattern;

/** The names these fixtures use, as the knowledge base spells them (synthetic: tests do not rely on the real KB). */
const EXTRA: MatcherPattern[] = [
  p('APT28', 'apt28', 'threat-actor'),
  p('Fancy Bear', 'apt28', 'threat-actor'),
  p('APT31', 'apt31', 'threat-actor'),
  p('Salt Typhoon', 'salt-typhoon', 'threat-actor'),
  p('Pegasus', 'pegasus-spyware', 'malware'),
  p('Predator', 'predator-spyware', 'malware'),
];
const matcher = matcherWith(EXTRA);

const rows = langRows(LANGS);

describeLanguageFixtures(LANGS, matcher, { ordinary: true });

describe('the language comes from the text, not only the declared tag', () => {
  test.each(rows.map((f) => [`${f.dir}/${f.file}`, f] as const))('%s', (_name, f) => {
    const doc = readHtmlDocument(join(FIXTURES, f.dir, f.file));
    expect(detectLang(doc.body?.textContent ?? '')).toBe(f.lang);
  });
});

describeScoreMargins(LANGS, matcher, { evidence: 2 });

const signalsOf = (text: string) => analyzeText(text, { matcher }).signals.map((s) => s.term);

describe('inflected and compound forms', () => {
  test.each([
    [
      'cs linked to (prefix reaches the adjective)',
      'Firmy napadli hackeři napojení na ruskou rozvědku.',
      'napojení na rusko',
    ],
    ['cs genitive', 'Úřad vyšetřuje sérii kybernetických útoků na nemocnice.', 'kybernetických útok'],
    ['cs attribution', 'Vláda připsala kampaň skupině napojené na Kreml.', 'připsala'],
    ['cs state backing', 'Státem podporovaní útočníci se zaměřili na úřady.', 'státem podporovan'],
    ['sk genitive plural', 'Polícia vyšetruje útok ruských hackerov na nemocnicu.', 'ruských hackerov'],
    ['sk instrumental', 'Za útokmi stojí skupina napojená na Kremeľ.', 'napojená na kremeľ'],
    ['sk spyware', 'Telefóny boli infikované špionážnym softvérom.', 'špionážnym softvér'],
    ['sk form shared with cs', 'Úrad vyšetruje sériu kybernetických útokov.', 'kybernetických útok'],
    ['sv compound', 'Dataintrången mot kommunerna fortsätter.', 'dataintrång'],
    ['sv definite plural', 'Hackarna tog sig in via en sårbarhet.', 'hackarna'],
    ['sv state backing', 'Statsstödda grupper ligger bakom attackerna.', 'statsstödda grupper'],
    ['sv linked to', 'Gruppen är kopplad till den ryska militära underrättelsetjänsten.', 'kopplad till den ryska'],
    ['no compound', 'Dataangrepene mot Stortinget ble oppdaget i fjor.', 'dataangrep'],
    ['no state backing', 'Statsstøttede aktører står bak kampanjen.', 'statsstøttede aktører'],
    ['no intelligence compound', 'Etterretningstjenesten advarer mot spionasje.', 'etterretningstjeneste'],
    ['da compound', 'Cyberangrebene ramte flere ministerier.', 'cyberangreb'],
    ['da form shared with no', 'Hackerne fik adgang til systemet.', 'hackerne'],
    ['da intelligence', 'Den russiske militære efterretningstjeneste står bag.', 'russiske militære efterretning'],
    ['lt genitive plural', 'Tyrėjai aptiko kibernetinių atakų pėdsakus.', 'kibernetinių atak'],
    ['lt dative', 'Vyriausybė atakas priskyrė Rusijos karinei žvalgybai.', 'rusijos karinei žvalgyb'],
    ['lt state backing', 'Valstybės remiami programišiai taikėsi į ministerijas.', 'valstybės remiam'],
    ['lv compound', 'Kiberuzbrukumi pret ministrijām turpinās.', 'kiberuzbrukum'],
    ['lv instrumental', 'Grupējums ir saistīts ar Krievijas militāro izlūkdienestu.', 'krievijas militāro izlūk'],
    ['lv hackers via the lt stem', 'Hakeri ielauzās sistēmās.', 'hakeri'],
  ])('%s', (_name, text, term) => {
    expect(signalsOf(text).map((t) => t.toLowerCase())).toContain(term.toLowerCase());
  });
});

describeStaysOutOfEnglish(LANGS, matcher);

describeNoSharedForms(LANGS);

describe('ordinary words that share a stem with a hacking term stay out of the topic gate', () => {
  const { cues } = compileTopicCues({ lexicons: Object.values(LEXICON_FILES), model: DEFAULT_MODEL, names: [] });
  test.each([
    ['lt software (programinė įranga)', 'Mokykla įsigijo naują programinę įrangą ir kompiuterių programas mokiniams.'],
    ['lt garden pests (kenkėjai)', 'Sodininkai skundžiasi, kad šiemet obelis puola kenkėjai.'],
    ['lv computers (datoru)', 'Skolā ir jauna datoru klase, un skolēni mācās programmēšanu.'],
    ['sv state aid (statsstöd)', 'Kommissionen godkände statsstöd till bygget av den nya järnvägen.'],
    ['no state aid (statsstøtte)', 'Regjeringen gir statsstøtte til nye vindkraftverk langs kysten.'],
    ['no vandalism (skadeverk)', 'Politiet etterforsker skadeverk på flere biler i sentrum.'],
    ['sv human spying (spionverksamhet)', 'Boken skildrar spionverksamhet under kalla kriget.'],
    ['da vulnerable groups (sårbare)', 'Kommunen vil hjælpe sårbare familier med bolig.'],
    ['lv compromise (kompromiss)', 'Partijas panāca kompromisu par budžetu.'],
    ['sv made it into the final', 'Laget har tagit sig in i finalen efter en jämn match.'],
    ['no got access to the documents', 'Avisen fikk tilgang til dokumentene etter en klage.'],
    ['lt violates the law (pažeidžia)', 'Įmonė pažeidžia įstatymą, teigia inspekcija.'],
    ['lv wounded (ievainoja)', 'Negadījumā ievainoja divus gājējus.'],
    ['da state-run media (statsstyrede)', 'De statsstyrede medier bragte ingen kritik af regeringen.'],
    ['cs vulnerable groups (zranitelné)', 'Město pomáhá zranitelným skupinám obyvatel a seniorům.'],
  ])('%s', (_name, text) => {
    expect(findTopicCue(text, cues)).toBeUndefined();
  });
});
