/**
 * Balance rule for claim summaries: an allegation's summary may report that someone *said* a group
 * hacked, stole or broke in, but must not state it as fact. The rule is data: verbs that assert an
 * intrusion, and framing words that make a sentence a report of a claim. A sentence with a fact verb
 * and no framing word fails. The same lists apply whichever side made the claim. Chinese framing
 * words are whole words that do not occur inside common nouns (not 据 alone, which is part of 数据).
 * Pure module: runs in Node and in the browser.
 */

export type BalanceLang = 'en' | 'zh';

export interface BalanceRule {
  /** Predicates that assert an intrusion or theft as fact. */
  factVerbs: readonly string[];
  /** Words that mark the sentence as a report of a claim. */
  framing: readonly string[];
}

export const BALANCE_RULES: Record<BalanceLang, BalanceRule> = {
  en: {
    factVerbs: ['hacked', 'hacked into', 'stole', 'stolen', 'breached', 'broke into', 'infiltrated', 'spied on'],
    framing: [
      'alleged',
      'allegedly',
      'alleges',
      'alleging',
      'allegation',
      'accused',
      'accuses',
      'accusing',
      'accusation',
      'said',
      'says',
      'saying',
      'claimed',
      'claims',
      'claiming',
      'attributed',
      'attributes',
      'blamed',
      'charged',
      'charges',
      'indicted',
      'indictment',
      'according to',
      'reported',
      'stated',
      'asserted',
      'described',
    ],
  },
  zh: {
    factVerbs: ['窃取', '盗取', '偷窃', '入侵', '侵入', '攻击了', '黑进', '黑入', '渗透了'],
    framing: [
      '称',
      '指控',
      '指责',
      '指称',
      '表示',
      '认为',
      '据称',
      '据报',
      '根据',
      '报告说',
      '起诉',
      '被控',
      '涉嫌',
      '归咎',
      '归因',
      '认定',
      '怀疑',
      '所谓',
    ],
  },
};

/** Splits text into sentences: at 。！？；, and at . ! ? ; followed by a space or the end. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|(?<=[。！？；])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function containsTerm(sentence: string, term: string, lang: BalanceLang): boolean {
  if (lang === 'zh') return sentence.includes(term);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, 'iu').test(sentence);
}

export interface FactVerbFinding {
  sentence: string;
  verb: string;
}

/** Sentences that state an intrusion as fact: a fact verb and no framing word in the same sentence. */
export function findUnframedFactVerbs(
  text: string,
  lang: BalanceLang,
  rules: Record<BalanceLang, BalanceRule> = BALANCE_RULES,
): FactVerbFinding[] {
  const rule = rules[lang];
  const out: FactVerbFinding[] = [];
  for (const sentence of splitSentences(text)) {
    const verb = rule.factVerbs.find((v) => containsTerm(sentence, v, lang));
    if (verb === undefined) continue;
    if (rule.framing.some((f) => containsTerm(sentence, f, lang))) continue;
    out.push({ sentence, verb });
  }
  return out;
}
