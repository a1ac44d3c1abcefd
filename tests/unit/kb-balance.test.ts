import { describe, expect, test } from 'vitest';
import { BALANCE_RULES, findUnframedFactVerbs, splitSentences, type BalanceLang } from '../../core/kb/balance';
import { readKbFiles } from '../../core/kb/load-node';
import { CLAIM_KINDS, type Entry } from '../../core/kb/schema';

describe('splitSentences', () => {
  test.each([
    ['One. Two! Three?', ['One.', 'Two!', 'Three?']],
    ['It said so; they denied it.', ['It said so;', 'they denied it.']],
    ['v1.2 is out. Next', ['v1.2 is out.', 'Next']],
    ['中国称此事不实。美国否认！', ['中国称此事不实。', '美国否认！']],
  ])('%s', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });
});

describe('the balance rule', () => {
  const cases: [string, BalanceLang, string, boolean][] = [
    // [what, language, text, passes]
    ['a claim reported as a claim', 'en', 'The DOJ alleged that the group hacked 100 firms.', true],
    ['a claim with "said"', 'en', 'CNCERT said US agencies stole trade secrets.', true],
    ['an indictment', 'en', 'An indictment charged five officers who broke into US firms.', true],
    ['no fact verb at all', 'en', 'The report described a long espionage campaign.', true],
    ['hacking as a noun', 'en', 'The hacking campaign was attributed to China.', true],
    ['hacked stated as fact', 'en', 'The group hacked 100 firms.', false],
    ['stole stated as fact', 'en', 'US agencies stole trade secrets from two firms.', false],
    ['breached stated as fact', 'en', 'Hackers breached the Treasury in 2024.', false],
    ['broke into stated as fact', 'en', 'Officers broke into US company networks.', false],
    ['case does not hide it', 'en', 'HACKED the parliament.', false],
    ['framing in another sentence does not count', 'en', 'China denied it. The group breached the network.', false],
    ['a word containing a verb is not the verb', 'en', 'Unbreached systems were alleged to be safe.', true],
    ['zh: 称', 'zh', '国家互联网应急中心称美国情报机构入侵了两家企业。', true],
    ['zh: 指控', 'zh', '美国司法部指控五名军官窃取商业秘密。', true],
    ['zh: 窃取 as fact', 'zh', '美国情报机构窃取了大量数据。', false],
    ['zh: 入侵 as fact', 'zh', '黑客入侵了议会网络。', false],
    ['zh: 攻击了 as fact', 'zh', '该组织攻击了多家企业。', false],
    ['zh: framing in the other sentence', 'zh', '中方表示反对。该组织窃取了数据。', false],
    ['zh: 数据 is not the framing word 据', 'zh', '该组织窃取了大量数据。', false],
    ['zh: 据称 is', 'zh', '据称该组织窃取了大量数据。', true],
  ];

  test.each(cases)('%s (%s)', (_what, lang, text, passes) => {
    expect(findUnframedFactVerbs(text, lang)).toHaveLength(passes ? 0 : 1);
  });

  test('reports the sentence and the verb', () => {
    expect(findUnframedFactVerbs('China denied it. The group breached the network.', 'en')).toEqual([
      { sentence: 'The group breached the network.', verb: 'breached' },
    ]);
  });

  test('the rule is data: other lists change the verdict', () => {
    const rules = { ...BALANCE_RULES, en: { factVerbs: ['probed'], framing: ['reportedly'] } };
    expect(findUnframedFactVerbs('The group probed the network.', 'en', rules)).toHaveLength(1);
    expect(findUnframedFactVerbs('The group reportedly probed the network.', 'en', rules)).toHaveLength(0);
  });
});

describe('the real knowledge base: allegations and actions', () => {
  const today = new Date().toISOString().slice(0, 10);
  // Read as parsed JSON (schema validation is kb-validate's job), so one broken file elsewhere
  // does not hide these checks.
  const claims = readKbFiles()
    .map((f) => f.data as Entry)
    .filter((e) => e && CLAIM_KINDS.includes(e.kind));

  test('there are claim entries in both directions', () => {
    expect(claims.some((e) => e.claim?.againstParty === 'CN')).toBe(true);
    expect(claims.some((e) => e.claim?.againstParty === 'US')).toBe(true);
  });

  test.each(claims.map((e) => [e.id, e] as const))('%s has summaryZh and claim.responseCheckedOn', (_id, e) => {
    expect(e.summaryZh, 'summaryZh').toBeTruthy();
    expect(e.claim?.responseCheckedOn, 'claim.responseCheckedOn').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(e.claim!.responseCheckedOn! <= today).toBe(true);
  });

  test.each(claims.map((e) => [e.id, e] as const))('%s does not state hacking as fact', (_id, e) => {
    const found = [
      ...findUnframedFactVerbs(e.summary, 'en').map((f) => `summary: ${f.sentence}`),
      ...findUnframedFactVerbs(e.claim?.claim ?? '', 'en').map((f) => `claim.claim: ${f.sentence}`),
      ...findUnframedFactVerbs(e.summaryZh ?? '', 'zh').map((f) => `summaryZh: ${f.sentence}`),
    ];
    expect(found).toEqual([]);
  });

  test.each(claims.map((e) => [e.id, e] as const))(
    '%s: "no public response found" carries the date of the search',
    (_id, e) => {
      if (/no (public )?(us government )?response/i.test(e.claim?.response ?? ''))
        expect(e.claim?.response).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}-\d{2}-\d{2}/);
    },
  );
});
