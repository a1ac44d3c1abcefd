/**
 * Persian, Hebrew, Thai, Greek and Hindi: every fixture in tests/fixtures/articles/<lang>/ through
 * the engine (synthetic KB + the real lexicon), with the verdict, the detected language and the
 * article check its index expects; then the script-specific matching each language relies on
 * (Persian's zero-width non-joiner, Hebrew's glued prefixes, Thai without spaces, Greek capitals
 * without accents and the final sigma, Hindi with and without the nukta).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../../core/engine/analyze';
import { detectLang, detectLangDetail } from '../../../core/engine/lang';
import { foldString } from '../../../core/engine/chars';
import { checkLexiconFile } from '../../../core/engine/lexicon-check';
import { LEXICON_FILES } from '../../../core/engine/lexicon-files';
import { DEFAULT_MODEL } from '../../../core/engine/lexicon';
import { readHtmlDocument } from '../../../core/engine/node-support';
import type { MatcherPattern } from '../../../core/engine/types';
import { describeLanguageFixtures, describeScoreMargins, describeStaysOutOfEnglish } from './language-suite';
import { FIXTURES, langRows, matcherWith, realKbMatcher } from './helpers';

const LANGS = ['fa', 'he', 'th', 'el', 'hi'] as const;

const p = (text: string, id: string, kind: MatcherPattern['kind']): MatcherPattern => ({
  text,
  id,
  kind,
  caseSensitive: /^APT\d+$/.test(text) || text === 'ΕΥΠ',
  requiresContext: false,
});

/** The names these fixtures and cases use (synthetic: tests do not rely on the real KB). */
const EXTRA: MatcherPattern[] = [
  p('APT28', 'apt28', 'threat-actor'),
  p('APT36', 'transparent-tribe', 'threat-actor'),
  p('APT41', 'apt41', 'threat-actor'),
  p('APT42', 'apt42', 'threat-actor'),
  p('Salt Typhoon', 'salt-typhoon', 'threat-actor'),
  p('Pegasus', 'pegasus', 'malware'),
  p('Predator', 'predator-spyware', 'malware'),
  p('Graphite', 'graphite-spyware', 'malware'),
  p('เพกาซัส', 'pegasus', 'malware'),
  p('פגסוס', 'pegasus', 'malware'),
  p('שב"כ', 'shin-bet', 'organization'),
  p('ΕΥΠ', 'eyp', 'organization'),
];
const matcher = matcherWith(EXTRA);

const rows = langRows(LANGS);

describeLanguageFixtures(LANGS, matcher, { ordinary: true });

describe('each language reads as itself, not as a neighbour without a lexicon', () => {
  // Below weakShare the verdict also tries the rule for languages without a lexicon, which does not
  // read the look-alike penalties of the language: Hebrew, whose function words are often glued to
  // the next word, must stay above it.
  test.each(rows.map((f) => [`${f.dir}/${f.file}`, f] as const))('%s', (_name, f) => {
    const text = readHtmlDocument(join(FIXTURES, f.dir, f.file)).body?.textContent ?? '';
    const g = detectLangDetail(text);
    expect(g.lang).toBe(f.lang);
    expect(g.share).toBeGreaterThanOrEqual(DEFAULT_MODEL.noLexicon.weakShare);
  });
});

describeScoreMargins(LANGS, matcher, { evidence: 2 });

/** The lexicon forms found (folded: ZWNJ as a space, Greek without accents, ς as σ). */
const signalsOf = (text: string) => analyzeText(text, { matcher }).signals.map((s) => s.term);
/** Lexicon evidence in a phrase: [term signal count, penalty signal count]. */
function cues(text: string): [number, number] {
  const a = analyzeText(text, { matcher });
  const n = (type: string) => a.signals.filter((s) => s.type === type).reduce((k, s) => k + s.count, 0);
  return [n('term'), n('penalty')];
}

describe('script-specific forms count', () => {
  test.each([
    ['fa with ZWNJ', 'گزارش درباره حمله\u200cهای سایبری تازه', 'حمله های سایبری'],
    ['fa with a space', 'گزارش درباره حمله های سایبری تازه', 'حمله های سایبری'],
    ['fa plural suffix', 'هکرهای وابسته به دولت وارد شدند', 'هکرهای وابسته به دولت'],
    ['he conjunction and article stepped over', 'והאקרים פרצו אתמול', 'האקרים'],
    ['he two glued prefixes', 'ומהאקרים שפרצו', 'האקרים'],
    ['he preposition stepped over', 'החשד נפל על קבוצה בריגול סייבר ארוך', 'ריגול סייבר'],
    ['th inside running text', 'เจ้าหน้าที่ระบุว่ากลุ่มแฮกเกอร์เจาะระบบของกระทรวง', 'กลุ่มแฮกเกอร์'],
    ['th term right after another word', 'พบมัลแวร์ในเครื่องของนักการทูต', 'มัลแวร์'],
    ['el capitals without accents', 'ΝΕΑ ΚΥΒΕΡΝΟΕΠΙΘΕΣΗ ΣΕ ΥΠΟΥΡΓΕΙΑ', 'κυβερνοεπιθεσ'],
    ['el final sigma and case ending', 'η υπόθεση κατασκοπείας συνεχίζεται', 'κατασκοπ'],
    ['el polytonic letters fold', 'ἡ κατασκοπεία', 'κατασκοπ'],
    ['hi without nukta', 'खुफिया एजेंसी ने चेतावनी दी', 'खुफिया एजेंसी'],
    ['hi with nukta', 'ख़ुफ़िया एजेंसी ने चेतावनी दी', 'ख़ुफ़िया एजेंसी'],
    ['hi oblique plural', 'चीनी हैकरों ने नेटवर्क में सेंध लगाई', 'चीनी हैकरों'],
  ])('%s', (_name, text, term) => {
    expect(signalsOf(text)).toContain(term);
  });

  test.each([
    ['fa: دهک (income decile) is no hack', 'دهک\u200cهای پایین و دهکده\u200cها'],
    ['he: לרגל (on the occasion of) is no spying', 'לרגל יום העצמאות נערך טקס'],
    ['he: סרטון and סרטן are no film, with or without a prefix', 'סרטון קצר בסרטון על מחקר הסרטן'],
    ['th: หนังสือ (book, letter) is no film', 'กระทรวงส่งหนังสือถึงโรงเรียน'],
    ['el: κυβερνούν (they govern) is no cyber term', 'όσοι κυβερνούν τη χώρα'],
    ['hi: हैकथॉन is no hack', 'कॉलेज में हैकथॉन का आयोजन'],
    ['hi: a vote bank broken into is politics', 'विपक्ष के वोट बैंक में सेंध लगाने की कोशिश'],
    ['el: capitals of κυβερνούν stay no cue', 'ΟΣΟΙ ΚΥΒΕΡΝΟΥΝ ΤΗ ΧΩΡΑ'],
  ])('%s', (_name, text) => {
    expect(cues(text)).toEqual([0, 0]);
  });

  test.each([
    ['fa weather', 'طوفان و سیلاب و هواشناسی'],
    ['he ransomware', 'מתקפת כופר ודמי כופר בביטקוין'],
    ['th human spy', 'ศาลพิพากษาจำคุกฐานขายความลับ'],
    ['el weather', 'ο τυφώνας έφερε πλημμύρες'],
    ['hi film', 'फिल्म का ट्रेलर और बॉक्स ऑफिस'],
  ])('%s: look-alike words are penalties', (_name, text) => {
    const [terms, penalties] = cues(text);
    expect(penalties).toBeGreaterThanOrEqual(2);
    expect(terms).toBe(0);
  });
});

describe('knowledge-base names in these scripts', () => {
  const ids = (text: string) =>
    matcher
      .findAll(text)
      .map((h) => matcher.id(h.pattern))
      .filter((id) => id !== '');
  test.each([
    ['a Thai name inside running Thai text', 'พบสปายแวร์เพกาซัสในโทรศัพท์', ['pegasus']],
    ['a Latin name between Thai words', 'กลุ่มSalt Typhoonโจมตี', ['salt-typhoon']],
    ['a Hebrew name with gershayim or a plain quote', 'לפי שב״כ ולפי שב"כ', ['shin-bet', 'shin-bet']],
    ['a Hebrew name after glued prefixes', 'והפגסוס ובשב״כ', ['pegasus', 'shin-bet']],
    ['a Hebrew word that only starts like a name', 'שבכלל', []],
    ['a case-sensitive Greek acronym', 'η ΕΥΠ και η ευπ', ['eyp']],
  ])('%s', (_name, text, want) => {
    expect(ids(text)).toEqual(want);
  });
});

describe('press names in assets/aliases/<lang>.json reach the real matcher', () => {
  const real = realKbMatcher();
  const ids = (text: string) => real.findAll(text).map((h) => real.id(h.pattern));
  test.each([
    ['fa', 'گزارش اف\u200cبی\u200cآی درباره این پرونده', 'fbi'],
    ['fa', 'وزارت اطلاعات این گزارش را رد کرد', 'mois'],
    ['he', 'מבצע הריגול המכונה טייפון סולט נמשך', 'salt-typhoon'],
    ['th', 'พบสปายแวร์เพกาซัสในโทรศัพท์ของนักกิจกรรม', 'pegasus'],
    ['th', 'ยื่นฟ้องบริษัท เอ็นเอสโอ กรุ๊ป ต่อศาลแพ่ง', 'nso-group'],
    ['el', 'ο επικεφαλής της Υπηρεσίας Εθνικής Ασφάλειας μίλησε', 'nsa'],
    ['el', 'Ο ΕΠΙΚΕΦΑΛΗΣ ΤΗΣ ΥΠΗΡΕΣΙΑΣ ΕΘΝΙΚΗΣ ΑΣΦΑΛΕΙΑΣ ΜΙΛΗΣΕ', 'nsa'],
    ['hi', 'चीन के साइबर जासूसी समूह सॉल्ट टाइफून ने', 'salt-typhoon'],
    ['hi', 'पत्रकारों के फोन पर पेगासस से हमले', 'pegasus'],
  ])('%s: %s', (_lang, text, id) => {
    expect(ids(text)).toContain(id);
  });

  // A group's English name of several words needs no hacking word around it, in any script.
  test.each([
    ['th', 'รายงานเกี่ยวกับ Salt Typhoon เมื่อวันจันทร์', 'salt-typhoon'],
    ['vi', 'Báo cáo mới về Volt Typhoon được công bố hôm thứ Hai.', 'volt-typhoon'],
  ])('%s: %s is a mention without context words', (_lang, text, id) => {
    expect(analyzeText(text, { matcher: real }).mentions.map((m) => m.id)).toContain(id);
  });
});

describe('language detection on mixed and neighbouring texts', () => {
  test.each([
    [
      'Persian with Arabic loanwords is Persian',
      'این گزارش درباره حملات سایبری است که در سال گذشته رخ داد و کارشناسان آن را بررسی کردند.',
      'fa',
    ],
    [
      'Arabic stays Arabic',
      'قالت الحكومة إن الهجوم على الشبكة كان جزءا من حملة في هذا العام التي استمرت مع الوقت.',
      'ar',
    ],
    ['Marathi is not Hindi', 'सरकारने सांगितले आहे की हल्ला अनेक महिने सुरू होता आणि त्याची चौकशी होईल.', 'other'],
    ['Thai by its script', 'รัฐบาลระบุว่าการโจมตีครั้งนี้เกิดขึ้นกับหน่วยงานของรัฐหลายแห่ง', 'th'],
  ])('%s', (_name, text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});

describe('the lexicon files', () => {
  test.each(LANGS.map((l) => [l] as const))('%s: valid, 40–60 stop words, both claims lists', (lang) => {
    const raw = JSON.parse(readFileSync(join(FIXTURES, '../../../assets/lexicon', `${lang}.json`), 'utf8')) as unknown;
    const r = checkLexiconFile(`${lang}.json`, raw);
    expect(r.problems).toEqual([]);
    const f = r.file!;
    expect(f.lang).toBe(lang);
    expect(f.stopwords!.length).toBeGreaterThanOrEqual(40);
    expect(f.stopwords!.length).toBeLessThanOrEqual(60);
    expect(new Set(f.stopwords).size).toBe(f.stopwords!.length);
    expect(f.claims!.accuse.length).toBeGreaterThan(0);
    expect(f.claims!.deny.length).toBeGreaterThan(0);
    expect(LEXICON_FILES[lang]).toBeDefined();
  });

  test('no form repeats another form of any lexicon once folded (it would count twice)', () => {
    const owner = new Map<string, string>();
    const repeats: string[] = [];
    for (const [lang, f] of Object.entries(LEXICON_FILES))
      for (const t of f.terms)
        for (const form of t.texts) {
          const key = foldString(form, !t.caseSensitive);
          const first = owner.get(key);
          const ours = (l: string) => (LANGS as readonly string[]).includes(l);
          if (first !== undefined && (ours(lang) || ours(first.split(':')[0]!)))
            repeats.push(`${first} / ${lang}:${form}`);
          owner.set(key, `${lang}:${form}`);
        }
    expect(repeats).toEqual([]);
  });

  test('Persian names the letters that tell it from Arabic', () => {
    expect(LEXICON_FILES.fa!.distinctive).toBe('پچژگکی');
  });
});

describeStaysOutOfEnglish(LANGS, matcher);
