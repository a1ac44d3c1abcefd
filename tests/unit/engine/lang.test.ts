import { describe, expect, test } from 'vitest';
import { buildLangProfiles, detectLang, normaliseDeclaredLang } from '../../../core/engine/lang';
import type { LexiconFile } from '../../../core/engine/lexicon';

// Small profiles of our own, so these cases test the detector and not the shipped word lists.
const file = (lang: string, stopwords: string, distinctive?: string): LexiconFile => ({
  lang,
  stopwords: stopwords.split(' '),
  ...(distinctive ? { distinctive } : {}),
  terms: [{ texts: ['x'], c: 1 }],
});
const profiles = buildLangProfiles([
  file('en', 'the of and to in is that for it on was with'),
  file('de', 'der die und das ist nicht mit den von zu ein eine'),
  file('es', 'el la los las que y en del por con para una de'),
  file('fr', 'le la les et des est une dans pour qui pas sur de'),
  file('ru', 'и в не на что с по как это из за', 'ыэъё'),
  file('uk', 'і в не на що з по як це із за', 'іїєґ'),
  file('ar', 'في من على إلى أن عن مع هذا التي الذي'),
]);

describe('detectLang with explicit profiles', () => {
  test.each([
    ['en', 'The agency said that the attack on the network was part of a campaign for years.'],
    ['de', 'Die Behörde warnt vor Angriffen auf die Netzwerke der Unternehmen und ist nicht sicher.'],
    ['es', 'El gobierno dijo que investiga el incidente y que no hay pruebas de los datos para la causa.'],
    ['fr', 'Le gouvernement a dit que les pirates sont dans les réseaux pour une longue durée et des mois.'],
    ['ru', 'Эксперты заявили, что это была атака на сети, и что хакеры были из другой страны в этом году.'],
    ['uk', 'Експерти заявили, що це була атака на мережі, і що хакери діяли з іншої країни цього року.'],
    ['ar', 'قالت الحكومة إن الهجوم على الشبكة كان جزءا من حملة في هذا العام التي استمرت مع الوقت.'],
  ] as const)('%s', (lang, text) => {
    expect(detectLang(text, undefined, profiles)).toBe(lang);
  });

  test('too few words is "other"', () => {
    expect(detectLang('Salt Typhoon', undefined, profiles)).toBe('other');
  });

  test('the declared language wins a close call', () => {
    // "de la" and "en" are function words of both Spanish and French.
    const text = 'Informe de la agencia en de la red de la campaña en de la';
    expect(detectLang(text, 'fr', profiles)).toBe('fr');
    expect(detectLang(text, 'es', profiles)).toBe('es');
  });

  test('a declared language in another script does not override the text', () => {
    const text = 'The agency said that the attack on the network was part of a campaign for years.';
    expect(detectLang(text, 'ru', profiles)).toBe('en');
  });

  test('a page that mixes languages takes the dominant one', () => {
    const text =
      'The agency said that the attack on the network was part of a campaign for years and that it is over. ' +
      'Die Behörde warnt.';
    expect(detectLang(text, undefined, profiles)).toBe('en');
  });
});

describe('normaliseDeclaredLang', () => {
  test.each([
    ['de-AT', 'de'],
    ['pt_BR', 'pt'],
    ['zh-TW', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['sv-SE', 'sv'],
    ['nb-NO', 'no'],
    ['nn', 'no'],
    ['in', 'id'],
    ['sw', undefined],
    ['other', undefined],
    ['', undefined],
  ] as const)('%s', (tag, want) => {
    expect(normaliseDeclaredLang(tag)).toBe(want);
  });
});

describe('detectLang with the shipped lexicons: close Latin-script languages', () => {
  // The same news sentence in languages that share most of their letters and many words.
  test.each([
    ['cs', 'Vláda uvedla, že za útoky na ministerstvo stojí skupina, která je podle ní napojená na ruskou rozvědku.'],
    [
      'sk',
      'Vláda uviedla, že za útokmi na ministerstvo stojí skupina, ktorá je podľa nej napojená na ruskú rozviedku.',
    ],
    [
      'pl',
      'Rząd poinformował, że za atakami na ministerstwo stoi grupa, która jest według niego powiązana z rosyjskim wywiadem.',
    ],
    [
      'sv',
      'Regeringen uppger att gruppen som ligger bakom attackerna mot departementet är kopplad till den ryska underrättelsetjänsten.',
    ],
    [
      'no',
      'Regjeringen sier at gruppen som står bak angrepene mot departementet, er knyttet til den russiske etterretningstjenesten.',
    ],
    [
      'da',
      'Regeringen siger, at gruppen, der står bag angrebene mod ministeriet, er knyttet til den russiske efterretningstjeneste.',
    ],
    [
      'lt',
      'Vyriausybė teigia, kad už atakų prieš ministeriją stovi grupuotė, kuri, jos teigimu, yra susijusi su Rusijos žvalgyba.',
    ],
    [
      'lv',
      'Valdība norāda, ka aiz uzbrukumiem ministrijai stāv grupējums, kas, pēc tās teiktā, ir saistīts ar Krievijas izlūkdienestu.',
    ],
    [
      'de',
      'Die Regierung erklärte, dass hinter den Angriffen auf das Ministerium eine Gruppe steht, die dem russischen Geheimdienst nahesteht.',
    ],
  ] as const)('%s', (lang, text) => {
    expect(detectLang(text)).toBe(lang);
  });

  test.each([
    [
      'no',
      'Hun sier at det ikke ble gjort noe mer etter at saken kom opp, og at det er for tidlig å si hva som skjer nå.',
    ],
    [
      'da',
      'Hun siger, at der ikke blev gjort mere, efter at sagen kom op, og at det er for tidligt at sige, hvad der sker nu.',
    ],
    [
      'sv',
      'Hon säger att det inte gjordes något mer efter att frågan kom upp, och att det är för tidigt att säga vad som händer nu.',
    ],
  ] as const)('Scandinavian everyday sentence: %s', (lang, text) => {
    expect(detectLang(text)).toBe(lang);
  });

  test('words Norwegian and Danish share: the declared tag decides, and no tag gives "other"', () => {
    const text = 'Det er ikke mange som vil det, og det er ikke alle som kan det når de skal.';
    expect(detectLang(text)).toBe('other');
    expect(detectLang(text, 'nb-NO')).toBe('no');
    expect(detectLang(text, 'nn')).toBe('no');
    expect(detectLang(text, 'da')).toBe('da');
  });
});

describe('detectLang with the shipped word lists: Vietnamese, Turkish, Indonesian, Malay, Romanian, Hungarian, Finnish, Estonian', () => {
  test.each([
    ['vi', 'Theo các chuyên gia, nhóm tin tặc này đã tấn công nhiều cơ quan trong năm nay và vẫn chưa bị phát hiện.'],
    ['tr', 'Uzmanlara göre bu grup, yıl boyunca birçok kurumu hedef aldı ve uzun süre fark edilmedi.'],
    [
      'id',
      'Menurut para ahli, kelompok tersebut telah menyerang sejumlah lembaga karena pemerintah belum bisa mendeteksinya.',
    ],
    [
      'ms',
      'Menurut pakar, kumpulan berkenaan telah menyerang beberapa agensi kerajaan kerana sistem itu boleh diceroboh.',
    ],
    ['id', 'Polisi mengatakan bahwa pelaku sudah ditangkap saat berada di kota itu setelah kejadian tersebut.'],
    ['ms', 'Polis berkata bahawa suspek telah ditahan semasa berada di bandar itu selepas kejadian berkenaan.'],
    [
      'ro',
      'Potrivit experților, gruparea a atacat mai multe instituții în acest an și nu a fost descoperită până acum.',
    ],
    [
      'ro',
      'Un guvern european a atribuit marti o campanie de spionaj cibernetic care a vizat timp de luni de zile partide politice si ministere.',
    ],
    ['hu', 'A szakértők szerint a csoport az idén több intézményt is megtámadott, és sokáig nem vették észre.'],
    [
      'fi',
      'Asiantuntijoiden mukaan ryhmä hyökkäsi tänä vuonna useisiin laitoksiin, eikä sitä huomattu pitkään aikaan.',
    ],
    ['et', 'Ekspertide sõnul ründas rühm sel aastal mitut asutust ning seda ei märgatud pikka aega.'],
    ['fi', 'Poliisi kertoi, että epäilty pidätettiin, kun hän oli vielä kaupungissa, mutta hän kiisti kaiken.'],
    ['et', 'Politsei teatas, et kahtlustatav peeti kinni, kui ta oli veel linnas, kuid ta eitas kõike.'],
  ] as const)('%s: %s', (lang, text) => {
    expect(detectLang(text)).toBe(lang);
  });
});
