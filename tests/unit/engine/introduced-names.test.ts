/** Names an article introduces that the knowledge base does not know (core/engine/introduced-names.ts). */
import { describe, expect, test } from 'vitest';
import { introducedNamesIn, MAX_INTRODUCED_NAMES, type Span } from '../../../core/engine/introduced-names';
import { DEFAULT_LEXICON_FILES } from '../../../core/engine/lexicon';
import { defaultPatterns } from '../../../core/naming/patterns';
import type { IntroducedKind } from '../../../core/page-state';

function names(lang: string, text: string, known: readonly Span[] = []) {
  return introducedNamesIn({
    text,
    lang,
    known,
    files: DEFAULT_LEXICON_FILES,
    isPatternName: (n) => defaultPatterns().patternOf(n) !== undefined,
  });
}

/** Each distinct name once: [name, kind, introducing words]. */
const distinct = (lang: string, text: string, known: readonly Span[] = []) => {
  const seen = new Map<string, [string, IntroducedKind | undefined, string | undefined]>();
  for (const n of names(lang, text, known))
    if (!seen.has(n.text)) seen.set(n.text, [n.text, n.introduced?.kind, n.introduced?.words]);
  return [...seen.values()];
};

/** The span of `word` in `text` (its first occurrence), as a knowledge-base mention would give it. */
const spanOf = (text: string, word: string): Span => ({
  start: text.indexOf(word),
  end: text.indexOf(word) + word.length,
});

describe('introducedNamesIn: names the article introduces', () => {
  test.each<[string, string, string, [string, IntroducedKind, string][]]>([
    [
      'en: a naming word after the kind',
      'en',
      'Investigators found a new backdoor dubbed BRICKSTORM on the appliances.',
      [['BRICKSTORM', 'malware', 'backdoor dubbed']],
    ],
    [
      'en: CamelCase before the kind',
      'en',
      'The intruders deployed the GlassPlume backdoor.',
      [['GlassPlume', 'malware', 'backdoor']],
    ],
    [
      'en: a group tracked as, letters and digits',
      'en',
      'Analysts attribute it to a cluster tracked as RedNovember7 by the firm.',
      [['RedNovember7', 'group', 'cluster tracked as']],
    ],
    [
      'en: a capitalised campaign name after "called"',
      'en',
      'The campaign, called Operation Silent Harbor, hit several ministries.',
      [['Operation Silent Harbor', 'campaign', 'campaign, called']],
    ],
    [
      'en: the campaign word as part of the name',
      'en',
      'Officials described Operation QuietMoth as a long effort to reach defence firms.',
      [['Operation QuietMoth', 'campaign', 'Operation']],
    ],
    [
      'en: a list of names before the kind word',
      'en',
      'Mandiant found the SEAWEED and CACHEMONEY backdoors on the servers.',
      [
        ['SEAWEED', 'malware', 'backdoors'],
        ['CACHEMONEY', 'malware', 'backdoors'],
      ],
    ],
    [
      'en: a list of three after the naming word',
      'en',
      'The attackers used backdoors dubbed GlassPlume, QuietMoth and RedKey7 in the intrusions.',
      [
        ['GlassPlume', 'malware', 'backdoors dubbed'],
        ['QuietMoth', 'malware', 'backdoors dubbed'],
        ['RedKey7', 'malware', 'backdoors dubbed'],
      ],
    ],
    [
      'en: a known name inside the list does not end it',
      'en',
      'The intruders ran the SEAWEED, ShadowPad and CACHEMONEY implants.',
      [
        ['SEAWEED', 'malware', 'implants'],
        ['ShadowPad', 'malware', 'implants'],
        ['CACHEMONEY', 'malware', 'implants'],
      ],
    ],
    [
      'zh-Hans: 和 joins two names',
      'zh-Hans',
      '研究人员发现了SEAWEED和CACHEMONEY后门。',
      [
        ['SEAWEED', 'malware', '后门'],
        ['CACHEMONEY', 'malware', '后门'],
      ],
    ],
    [
      'zh-Hans: 名为…的后门',
      'zh-Hans',
      '调查人员发现攻击者使用了一款名为BRICKSTORM的后门程序窃取数据。',
      [['BRICKSTORM', 'malware', '名为BRICKSTORM的后门程序']],
    ],
    [
      'zh-Hant: 後門程式 before the name',
      'zh-Hant',
      '研究人員發現後門程式BRICKSTORM潛伏多月。',
      [['BRICKSTORM', 'malware', '後門程式']],
    ],
    [
      'de: Hintertür namens',
      'de',
      'Forscher entdeckten eine Hintertür namens Grimbolt in den Netzen mehrerer Ministerien.',
      [['Grimbolt', 'malware', 'Hintertür namens']],
    ],
    [
      'fr: logiciel espion baptisé',
      'fr',
      'Un logiciel espion baptisé NightHarbor a été découvert sur les téléphones.',
      [['NightHarbor', 'malware', 'logiciel espion baptisé']],
    ],
    [
      'es: grupo conocido como',
      'es',
      'Un grupo conocido como RedNovember7 atacó varios ministerios.',
      [['RedNovember7', 'group', 'grupo conocido como']],
    ],
    [
      'ru: бэкдор под названием',
      'ru',
      'Эксперты обнаружили бэкдор под названием GrayFalcon в сетях министерства.',
      [['GrayFalcon', 'malware', 'бэкдор под названием']],
    ],
    [
      'ja: name before と呼ばれる',
      'ja',
      '研究者はBRICKSTORMと呼ばれるバックドアを発見した。',
      [['BRICKSTORM', 'malware', 'と呼ばれるバックドア']],
    ],
    [
      'vi: mã độc có tên',
      'vi',
      'Nhóm tin tặc sử dụng mã độc có tên SilkLoader để xâm nhập mạng lưới.',
      [['SilkLoader', 'malware', 'mã độc có tên']],
    ],
    [
      'tr: name before adlı',
      'tr',
      'Araştırmacılar BRICKSTORM adlı arka kapıyı buldu.',
      [['BRICKSTORM', 'malware', 'adlı arka kapıyı']],
    ],
    [
      'ko: name before 이라는',
      'ko',
      '연구진은 BRICKSTORM이라는 백도어를 발견했다.',
      [['BRICKSTORM', 'malware', '이라는 백도어']],
    ],
    [
      'el: a capitalised kind word folds',
      'el',
      'Ερευνητές βρήκαν μια Κερκόπορτα με το όνομα GrayFalcon στους διακομιστές.',
      [['GrayFalcon', 'malware', 'Κερκόπορτα με το όνομα']],
    ],
    [
      'pt: um malware chamado',
      'pt',
      'Os investigadores encontraram um malware chamado QuietMoth nos servidores.',
      [['QuietMoth', 'malware', 'malware chamado']],
    ],
  ])('%s', (_label, lang, text, expected) => {
    expect(distinct(lang, text)).toEqual(expected);
  });

  test('every occurrence of the name is placed, with its offsets', () => {
    const text = 'A new backdoor dubbed BRICKSTORM was found. Later, BRICKSTORM was removed.';
    const got = names('en', text);
    expect(got.map((n) => [n.start, n.end])).toEqual([
      [text.indexOf('BRICKSTORM'), text.indexOf('BRICKSTORM') + 10],
      [text.lastIndexOf('BRICKSTORM'), text.lastIndexOf('BRICKSTORM') + 10],
    ]);
    expect(got.every((n) => text.slice(n.start, n.end) === 'BRICKSTORM')).toBe(true);
  });

  test('a shorter name is not placed again inside a longer one', () => {
    const text = 'A campaign dubbed Operation GhostLattice hit banks. The GhostLattice implant stayed.';
    const got = names('en', text).map((n) => [n.text, text.slice(n.start, n.end), n.start]);
    expect(got).toEqual([
      ['Operation GhostLattice', 'Operation GhostLattice', text.indexOf('Operation')],
      ['GhostLattice', 'GhostLattice', text.lastIndexOf('GhostLattice')],
    ]);
  });

  test(`at most ${MAX_INTRODUCED_NAMES} distinct names`, () => {
    const text = Array.from({ length: 15 }, (_, i) => `A backdoor dubbed Zorvex${i + 10}q was found.`).join(' ');
    expect(new Set(names('en', text).map((n) => n.text)).size).toBe(MAX_INTRODUCED_NAMES);
  });
});

describe('introducedNamesIn: what is not a new name', () => {
  test.each<[string, string, string]>([
    ['a product before the kind', 'en', 'The attackers planted a Windows backdoor and a Linux implant on the servers.'],
    ['a nationality before the group', 'en', 'Officials blamed the Chinese group for the intrusions.'],
    ['a CamelCase product', 'en', 'They hid the GitHub backdoor inside a PowerShell loader.'],
    [
      'a person called by name, far from a kind word',
      'en',
      'The malware was found by a researcher called John Smith in May.',
    ],
    [
      'a plain capitalised word before a kind (not after a naming word)',
      'en',
      'Investigators said Harbor malware was spreading.',
    ],
    ['a short token', 'en', 'They used a backdoor named Qx1 against the ministry.'],
    ['a vulnerability identifier', 'en', 'The backdoor dubbed CVE-2024-3400 was not a name at all.'],
    [
      'a word also written in lower case in the text',
      'en',
      'A loader named Bridge ran first; the bridge then opened a shell.',
    ],
    ['a shouted headline', 'en', 'HACKERS USE NEW BACKDOOR MALWARE AGAINST MINISTRIES'],
    [
      'a name with no introducer near it',
      'en',
      'The report mentions QuietMoth only once, in a footnote about budgets.',
    ],
    ['zh: a product next to the kind', 'zh-Hans', '攻击者利用Windows后门进入网络。'],
    ['de: a noun is capitalised, not a name', 'de', 'Die Gruppe nutzte eine Hintertür, die Forscher beschrieben.'],
  ])('%s', (_label, lang, text) => {
    expect(names(lang, text)).toEqual([]);
  });

  test.each<[string, string]>([
    ['words between the names that are no join', 'The GlassPlume backdoor then fetched QuietMoth from a server.'],
    ['a capitalised word after the join', 'A backdoor dubbed BRICKSTORM and Google later confirmed it.'],
    ['a list broken by a full stop', 'A loader named GlassPlume. And QuietMoth was also seen.'],
  ])('lists: %s', (_label, text) => {
    expect(distinct('en', text).map(([n]) => n)).toEqual(['GlassPlume', 'BRICKSTORM'].filter((n) => text.includes(n)));
  });

  test('a name the knowledge base knows inside a list is not listed, its neighbours are', () => {
    const text = 'The intruders ran the SEAWEED, ShadowPad and CACHEMONEY implants.';
    expect(distinct('en', text, [spanOf(text, 'ShadowPad')]).map(([n]) => n)).toEqual(['SEAWEED', 'CACHEMONEY']);
  });

  test('a name the knowledge base knows (its span) is not listed', () => {
    const text = 'The intruders deployed the ShadowPad backdoor on the servers.';
    expect(distinct('en', text)).toEqual([['ShadowPad', 'malware', 'backdoor']]);
    expect(names('en', text, [spanOf(text, 'ShadowPad')])).toEqual([]);
  });

  test('a name the knowledge base knows elsewhere in the text (any case) is not listed', () => {
    const text = 'Shadowpad appeared in May. Later the ShadowPad backdoor returned.';
    expect(names('en', text, [spanOf(text, 'Shadowpad')])).toEqual([]);
  });

  test('a name in a vendor naming pattern is left to the pattern list', () => {
    expect(names('en', 'Mandiant linked the malware to a cluster tracked as UNC5221 in its report.')).toEqual([]);
  });

  test('a language without introducer words gives none', () => {
    expect(names('other', 'A backdoor dubbed BRICKSTORM was found.')).toEqual([]);
  });
});

describe('introducedNamesIn: the junk the corpus showed', () => {
  test.each<[string, string]>([
    ['a heading', 'OceanLotus checks its web shells.\n \nCampaign Infrastructure\n \nVolexity has identified servers.'],
    [
      'a title in a sentence',
      'For an overview, see “Global Malware Campaign Pilfers Data from Critical Infrastructure”.',
    ],
    ['a longer title', 'Part 1: The Parliamentarian Operation Analyzes an operation targeting members.'],
    ['an advisory number', 'The Threat Actor AA20-206A used the same tools.'],
    ['a detection name', 'The file is flagged as Trojan:MSIL/Agent and HEUR:Trojan.Win32.Generic by scanners.'],
    ['a signature shouted in capitals', 'ETPRO TROJAN Observed Beacon fired on the sensor.'],
    ['a hash', 'The implant fe887fcab66d7d7f79f05e0266c0649f0114ba7c was seen twice.'],
    ['a lower-case word with a number', 'The first downloader stage1 then fetches the payload.'],
    ['a person after a quotation that ends in a kind word', '"It was becoming a sort of worm," DeMarre wrote.'],
  ])('%s', (_label, text) => {
    expect(names('en', text)).toEqual([]);
  });
});

describe('every language’s own words introduce a name', () => {
  const languages = DEFAULT_LEXICON_FILES.filter((f) => f.introducers);
  test.each(languages.map((f) => [f.lang, f] as const))('%s', (lang, f) => {
    const i = f.introducers!;
    const malware = i.malware.find((w) => !/\p{Lu}/u.test(w))!.replace(/\*$/, '');
    const naming = i.naming[0]?.replace(/\*$/, '');
    // Written as the press of the language writes it: the name after the naming word, or before it.
    const text = naming
      ? `${malware} ${naming} GlimmerVault.`
      : `GlimmerVault ${i.nameFirst![0]!.replace(/\*$/, '').replace(/^-/, '')} ${malware}.`;
    expect(distinct(lang === 'zh' ? 'zh-Hans' : lang, text).map(([n, k]) => [n, k])).toEqual([
      ['GlimmerVault', 'malware'],
    ]);
  });

  // "GlimmerVault and CobaltFern": each language's first join word lists two names.
  test.each(languages.map((f) => [f.lang, f] as const))('%s: a list of two names', (lang, f) => {
    const i = f.introducers!;
    const malware = i.malware.find((w) => !/\p{Lu}/u.test(w))!.replace(/\*$/, '');
    const naming = i.naming[0]?.replace(/\*$/, '');
    const join = i.joins?.[0];
    expect(join, `${lang} has no join word`).toBeDefined();
    const list = `GlimmerVault ${join} CobaltFern`;
    const text = naming
      ? `${malware} ${naming} ${list}.`
      : `${list} ${i.nameFirst![0]!.replace(/\*$/, '').replace(/^-/, '')} ${malware}.`;
    expect(distinct(lang === 'zh' ? 'zh-Hans' : lang, text).map(([n]) => n)).toEqual(['GlimmerVault', 'CobaltFern']);
  });
});
