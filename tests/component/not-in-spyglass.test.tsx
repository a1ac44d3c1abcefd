/** "Not in Spyglass yet": vendor-pattern names and names the article introduces, in the panel and on the hover card. */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { HoverCard } from '../../components/hover-card';
import { PatternNames, type PatternNameItem } from '../../components/pattern-names';
import { PopupApp } from '../../components/popup-app';
import type { PageState } from '../../core/page-state';
import type { UiLang } from '../../core/i18n/strings';
import { renderWithI18n, searcherOver } from './helpers';

afterEach(cleanup);

const ITEMS: PatternNameItem[] = [
  { text: 'UNC9999', info: { usedBy: 'Mandiant', meaning: 'A cluster not yet tied to a named group.' } },
  { text: 'GlimmerVault', introduced: { kind: 'malware', words: 'backdoor dubbed' } },
  { text: 'RedNovember7', introduced: { kind: 'group', words: 'cluster tracked as' } },
  { text: 'BRICKSTORM', introduced: { kind: 'campaign', words: '名为BRICKSTORM的行动' } },
];

describe('the panel section', () => {
  test.each<[UiLang, string, string[]]>([
    [
      'en',
      'Not in Spyglass yet',
      [
        'UNC9999 (Not in the knowledge base)Mandiant: A cluster not yet tied to a named group.',
        'GlimmerVault (Not in the knowledge base)Introduced as malware: “backdoor dubbed”',
        'RedNovember7 (Not in the knowledge base)Introduced as a group: “cluster tracked as”',
        'BRICKSTORM (Not in the knowledge base)Introduced as a campaign: “名为BRICKSTORM的行动”',
      ],
    ],
    [
      'zh_CN',
      'Spyglass 尚未收录',
      [
        'UNC9999 (知识库中没有此名称)Mandiant: A cluster not yet tied to a named group.',
        'GlimmerVault (知识库中没有此名称)文中介绍为恶意软件：“backdoor dubbed”',
        'RedNovember7 (知识库中没有此名称)文中介绍为组织：“cluster tracked as”',
        'BRICKSTORM (知识库中没有此名称)文中介绍为行动：“名为BRICKSTORM的行动”',
      ],
    ],
  ])('%s: titled "%s", each name with its meaning or the words that introduced it', (lang, heading, rows) => {
    renderWithI18n(<PatternNames items={ITEMS} />, lang);
    const region = screen.getByRole('region', { name: heading });
    expect([...region.querySelectorAll('li')].map((li) => li.textContent)).toEqual(rows);
  });

  test('nothing to list, no section', () => {
    const { container } = renderWithI18n(<PatternNames items={[]} />);
    expect(container.querySelector('section')).toBeNull();
  });

  test('the popup shows the names the page state carries, with their words', () => {
    const page: PageState = {
      url: 'https://news.example/a',
      status: 'espionage',
      score: 3,
      lang: 'en',
      signals: [],
      entities: [],
      patternNames: [
        { text: 'UNC9999', pattern: 'unc' },
        { text: 'GlimmerVault', introduced: { kind: 'malware', words: 'backdoor dubbed' } },
      ],
    };
    renderWithI18n(<PopupApp page={page} entries={new Map()} search={searcherOver([])} canPause />);
    const region = screen.getByRole('region', { name: 'Not in Spyglass yet' });
    expect([...region.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'UNC9999 (Not in the knowledge base)Fits a vendor’s naming pattern.',
      'GlimmerVault (Not in the knowledge base)Introduced as malware: “backdoor dubbed”',
    ]);
  });
});

describe('the hover card invents nothing', () => {
  test.each<[string, PatternNameItem, string[], string[]]>([
    [
      'an introduced name: says Spyglass does not know it, quotes the words',
      ITEMS[1]!,
      ['Spyglass does not know this name. The article introduces it with these words:', 'backdoor dubbed'],
      ['Mandiant', 'Fits a vendor'],
    ],
    [
      'a pattern name: what the pattern means',
      ITEMS[0]!,
      ['Mandiant: A cluster not yet tied to a named group.'],
      ['does not know this name'],
    ],
  ])('%s', (_label, item, has, hasNot) => {
    renderWithI18n(<HoverCard pattern={item} onClose={() => undefined} />);
    const card = screen.getByRole('dialog', { name: `About the name ${item.text}` });
    for (const s of has) expect(card.textContent).toContain(s);
    for (const s of hasNot) expect(card.textContent).not.toContain(s);
    // No entry card: no summary of an entry, no sources, no "Not this" or "Mute".
    expect(card.querySelector('.entry-sources, .sources')).toBeNull();
    expect(card.querySelector('button.mute-entry, button.dismiss-name')).toBeNull();
  });
});
