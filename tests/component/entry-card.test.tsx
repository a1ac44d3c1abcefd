import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EntryCard } from '../../components/entry-card';
import type { Entry } from '../../core/kb/schema';
import { makeEntry, renderWithI18n } from './helpers';

afterEach(cleanup);

const related = [
  makeEntry('rel-a', { name: 'Related A' }),
  makeEntry('rel-b', { name: 'Related B' }),
  makeEntry('rel-c', { name: 'Related C' }),
  makeEntry('rel-d', { name: 'Related D' }),
];

const indictment: Entry = makeEntry('apt41-indictment', {
  kind: 'action',
  name: 'APT41 indictment',
  nameZh: 'APT41 起诉',
  aliases: [
    { text: 'APT41 indictment', lang: 'en', caseSensitive: false, requiresContext: false, primary: true },
    { text: 'Chengdu 404 case', lang: 'en', caseSensitive: false, requiresContext: false, primary: true },
    { text: 'Wicked Panda charges', lang: 'en', caseSensitive: false, requiresContext: false, primary: false },
  ],
  summary: 'US prosecutors charged five Chinese nationals.',
  summaryZh: '美国检察官起诉五名中国公民。',
  details: [{ date: '2020-09-16', text: 'Charges unsealed.', textZh: '起诉书公开。' }],
  dates: [{ label: 'unsealed', start: '2020-09-16' }],
  related: related.map((r) => r.id),
  sources: [
    {
      url: 'https://www.justice.gov/opa/pr/apt41',
      title: 'DOJ press release',
      publisher: 'US DOJ',
      date: '2020-09-16',
    },
    { url: 'https://example.org/second', title: 'Second source', publisher: 'Example' },
  ],
  asOf: '2025-04-30',
  claim: {
    by: 'US Department of Justice',
    byParty: 'US',
    against: 'APT41 members',
    againstParty: 'CN',
    date: '2020-09-16',
    claim: 'They hacked more than 100 companies.',
    response: 'China rejected the charges as groundless.',
  },
  chinaRelated: true,
  country: 'US',
});

const renderCard = (
  variant: 'card' | 'full',
  entry: Entry = indictment,
  onOpen = vi.fn(),
  lang: 'en' | 'zh_CN' = 'en',
) =>
  renderWithI18n(<EntryCard entry={entry} related={related} variant={variant} onOpen={onOpen} headingId="h" />, lang);

describe('EntryCard, both variants', () => {
  test.each(['card', 'full'] as const)('%s: name, Chinese name, kind label, summary, as-of date', (variant) => {
    renderCard(variant);
    const heading = screen.getByRole('heading', { level: variant === 'full' ? 2 : 3, name: /APT41 indictment/ });
    expect(heading.id).toBe('h');
    expect(within(heading).getByText('APT41 起诉').getAttribute('lang')).toBe('zh-Hans');
    expect(screen.getByText('Indictment, sanction or advisory')).toBeTruthy();
    expect(screen.getByText('US prosecutors charged five Chinese nationals.')).toBeTruthy();
    expect(screen.getByText('As of 2025-04-30')).toBeTruthy();
  });

  test.each(['card', 'full'] as const)('%s: claim block with who, against whom, when and the response', (variant) => {
    renderCard(variant);
    const claim = screen.getByRole('region', { name: 'The claim' });
    for (const text of ['US Department of Justice', 'APT41 members', 'China rejected the charges as groundless.'])
      expect(within(claim).getByText(text)).toBeTruthy();
    expect(within(claim).getByText('Response')).toBeTruthy();
    expect(claim.querySelector('time')?.getAttribute('datetime')).toBe('2020-09-16');
  });

  test.each(['card', 'full'] as const)('%s: sources open in a new tab with rel noopener', (variant) => {
    renderCard(variant);
    const link = screen.getByRole('link', { name: 'DOJ press release' });
    expect(link.getAttribute('href')).toBe('https://www.justice.gov/opa/pr/apt41');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')?.split(' ')).toContain('noopener');
  });

  test.each(['card', 'full'] as const)('%s: related buttons call onOpen with the id', (variant) => {
    const onOpen = vi.fn();
    renderCard(variant, indictment, onOpen);
    fireEvent.click(screen.getByRole('button', { name: 'Related B' }));
    expect(onOpen).toHaveBeenCalledExactlyOnceWith('rel-b');
  });

  test('full: the claim has a visible heading that names its region; the card names it for screen readers only', () => {
    renderCard('full');
    expect(screen.getByRole('heading', { level: 3, name: 'The claim' })).toBeTruthy();
    cleanup();
    renderCard('card');
    expect(screen.queryByRole('heading', { name: 'The claim' })).toBeNull();
    expect(screen.getByRole('region', { name: 'The claim' })).toBeTruthy();
  });

  test('Chinese interface: related entries go by their Chinese names', () => {
    renderWithI18n(
      <EntryCard
        entry={indictment}
        related={[makeEntry('rel-zh', { name: 'Volt Typhoon', nameZh: '伏特台风' })]}
        variant="full"
        onOpen={vi.fn()}
      />,
      'zh_CN',
    );
    expect(screen.getByRole('button', { name: '伏特台风' })).toBeTruthy();
  });

  test('no claim block for kinds without a claim', () => {
    renderCard('full', makeEntry('plain'));
    expect(screen.queryByRole('region', { name: 'The claim' })).toBeNull();
  });
});

describe('card vs full', () => {
  test('card: primary aliases only, up to three sources, three related, no details, claim without "what"', () => {
    const { container } = renderCard('card');
    expect(screen.getByText('Chengdu 404 case')).toBeTruthy();
    expect(screen.queryByText('Wicked Panda charges')).toBeNull();
    expect(screen.getAllByRole('link')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Related D' })).toBeNull();
    expect(screen.queryByText('Dated facts')).toBeNull();
    expect(screen.queryByText('They hacked more than 100 companies.')).toBeNull();
    expect(container.querySelector('article')?.className).toContain('entry-card');
  });

  test('full: every alias except the name, every source, all related, details, what was alleged', () => {
    const { container } = renderCard('full');
    expect(screen.getByText('Chengdu 404 case')).toBeTruthy();
    expect(screen.getByText(/Wicked Panda charges/)).toBeTruthy();
    // The name itself is not repeated as an alias.
    expect(container.querySelector('.entry-aliases')?.textContent).not.toContain('APT41 indictment');
    expect(screen.getAllByRole('link')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Related D' })).toBeTruthy();
    expect(screen.getByText('Dated facts')).toBeTruthy();
    expect(screen.getByText('Charges unsealed.')).toBeTruthy();
    expect(screen.getByText('They hacked more than 100 companies.')).toBeTruthy();
    expect(container.querySelector('article')?.className).toContain('entry-full');
  });

  test('"More" appears only with onMore and calls it with the id', () => {
    const onMore = vi.fn();
    renderWithI18n(<EntryCard entry={indictment} related={[]} variant="card" onMore={onMore} />);
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    expect(onMore).toHaveBeenCalledExactlyOnceWith('apt41-indictment');
    cleanup();
    renderCard('card');
    expect(screen.queryByRole('button', { name: 'More' })).toBeNull();
  });
});

describe('Chinese interface', () => {
  test('full view shows summaryZh with the English summary beside it, and Chinese details', () => {
    renderCard('full', indictment, vi.fn(), 'zh_CN');
    expect(screen.getByText('美国检察官起诉五名中国公民。').getAttribute('lang')).toBe('zh-Hans');
    expect(screen.getByText('US prosecutors charged five Chinese nationals.').getAttribute('lang')).toBe('en');
    expect(screen.getByText('起诉书公开。')).toBeTruthy();
    expect(screen.getByText('起诉、制裁或通告')).toBeTruthy();
    expect(screen.getByText('截至 2025-04-30')).toBeTruthy();
  });

  test('falls back to the English summary when there is no summaryZh', () => {
    renderCard('card', makeEntry('plain', { summary: 'Only English.' }), vi.fn(), 'zh_CN');
    expect(screen.getByText('Only English.')).toBeTruthy();
  });
});

describe('markup in the data is text', () => {
  const hostile = makeEntry('hostile', {
    name: '<img src=x onerror=alert(1)>',
    summary: '<script>alert(1)</script><b>bold</b>',
    aliases: [{ text: '<i>alias</i>', lang: 'en', caseSensitive: false, requiresContext: false, primary: true }],
    sources: [{ url: 'https://example.org/', title: '<a href="javascript:alert(1)">t</a>', publisher: 'P' }],
  });

  test.each(['card', 'full'] as const)('%s renders it as text, creating no elements', (variant) => {
    const { container } = renderWithI18n(<EntryCard entry={hostile} related={[]} variant={variant} />);
    expect(container.querySelector('img, script, b, i')).toBeNull();
    expect(container.querySelectorAll('a')).toHaveLength(1);
    expect(container.querySelector('.entry-name')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(screen.getByText('<script>alert(1)</script><b>bold</b>')).toBeTruthy();
    expect(screen.getByText('<i>alias</i>')).toBeTruthy();
  });
});
