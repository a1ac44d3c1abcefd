/**
 * Agency names as the press of ru, uk, ja, ko, vi, th, id, ms, tr, ar, fa, he and hi writes them
 * (assets/aliases/<lang>.json) reach the matcher built from the real knowledge base, and the
 * other senses of those names (the East German Stasi, a country's own ministries) do not.
 */
import { describe, expect, test } from 'vitest';
import { buildMatcherData } from '../../../core/engine/analyze';
import { loadMatcher } from '../../../core/engine/matcher';
import { loadKbForNode } from '../../../core/engine/node-support';
import { toMatcherPatterns } from '../../../core/kb/compile';
import { ROOT } from './helpers';

const real = loadMatcher(buildMatcherData(toMatcherPatterns(loadKbForNode(ROOT).entries)));
const ids = (text: string) => real.findAll(text).map((h) => real.id(h.pattern));

describe('agency names in the press of each language are matched to the right entry', () => {
  test.each([
    ['ru', 'Заявление Министерство государственной безопасности КНР опубликовало в WeChat.', 'mss'],
    ['ru', 'Британия обвинила Главное разведывательное управление в атаках.', 'gru'],
    ['ru', 'Федеральная служба безопасности сообщила о заражённых сетях.', 'fsb'],
    ['ru', 'Об этом заявило АНБ вместе с партнёрами.', 'nsa'],
    ['ru', 'Агентство национальной безопасности выпустило рекомендации.', 'nsa'],
    ['ru', 'Документы ЦРУ попали в открытый доступ.', 'cia'],
    ['ru', 'Расследование ведут сотрудники Федерального бюро расследований.', 'fbi'],
    ['ru', 'Агентство по кибербезопасности и инфраструктуре выпустило директиву.', 'cisa'],
    ['ru', 'Киберкомандование США расширило операции за рубежом.', 'us-cyber-command'],
    ['ru', 'Хакеры действовали в интересах Корпуса стражей исламской революции.', 'irgc'],
    ['ru', 'Центр правительственной связи отказался от комментариев.', 'gchq'],
    ['ru', 'Национальный центр кибербезопасности Великобритании опубликовал отчёт.', 'uk-ncsc'],
  ])('%s: %s', (_lang, text, id) => {
    expect(ids(text)).toContain(id);
  });
});

describe('other senses of the same words are not matched to the agency', () => {
  test.each([
    [
      'ru: the Stasi is not China’s MSS',
      'Архивы Министерства государственной безопасности ГДР открыты для историков.',
      'mss',
    ],
    ['ru: the lower-case word is not the NSA', 'Слово анб не аббревиатура.', 'nsa'],
  ])('%s', (_name, text, id) => {
    expect(ids(text)).not.toContain(id);
  });
});
