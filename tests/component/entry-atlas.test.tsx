/** The atlas on cards and in the entry view: names across vendors, matched alias, attribution, ATT&CK, links, members. */
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EntryCard } from '../../components/entry-card';
import { HoverCard } from '../../components/hover-card';
import type { UiLang } from '../../core/i18n/strings';
import type { Alias, Entry } from '../../core/kb/schema';
import { makeEntry, renderWithI18n } from './helpers';

afterEach(cleanup);

const alias = (text: string, over: Partial<Alias> = {}): Alias => ({
  text,
  lang: 'en',
  caseSensitive: false,
  requiresContext: false,
  primary: false,
  ...over,
});

const plugx = makeEntry('plugx', { kind: 'malware', name: 'PlugX' });
const apt42 = makeEntry('apt42', { kind: 'threat-actor', name: 'APT42' });
const apt35: Entry = makeEntry('apt35', {
  kind: 'threat-actor',
  name: 'APT35',
  aliases: [
    alias('Charming Kitten', { coinedBy: 'CrowdStrike', primary: true }),
    alias('Mint Sandstorm', { coinedBy: 'Microsoft' }),
    alias('PHOSPHORUS', { coinedBy: 'Microsoft', former: true }),
    alias('TA453', { disputed: true }),
    alias('Newscaster Team', { primary: true }),
  ],
  attribution: [{ country: 'IR', sponsor: 'IRGC', by: ['US government', 'Microsoft'] }],
  attackId: 'G0059',
  links: [
    { id: 'plugx', type: 'uses' },
    { id: 'apt42', type: 'overlaps', by: 'Mandiant' },
  ],
  sources: [
    { url: 'https://example.org/a', title: 'Advisory A', publisher: 'CISA', date: '2022-09-14' },
    { url: 'https://example.org/b', title: 'Report B', publisher: 'Microsoft', date: '2023-04-18' },
    { url: 'https://example.org/c', title: 'Report C', publisher: 'Mandiant' },
    { url: 'https://example.org/d', title: 'Report D', publisher: 'Proofpoint' },
  ],
  asOf: '2026-11-30',
});
const byId = new Map([apt35, plugx, apt42].map((e) => [e.id, e]));

function renderEntry(variant: 'card' | 'full', over: { matchedText?: string; entry?: Entry; lang?: UiLang } = {}) {
  const onOpen = vi.fn();
  const r = renderWithI18n(
    <EntryCard
      entry={over.entry ?? apt35}
      related={[]}
      variant={variant}
      onOpen={onOpen}
      matchedText={over.matchedText}
      resolve={(id) => byId.get(id)}
    />,
    over.lang ?? 'en',
  );
  return { ...r, onOpen };
}

const tableRows = () =>
  within(screen.getByRole('table', { name: 'Names across vendors' }))
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [...tr.children].map((c) => c.textContent));

describe('names across vendors', () => {
  test.each(['card', 'full'] as const)('%s: name, who coined it, current / former / disputed', (variant) => {
    renderEntry(variant);
    expect(tableRows()).toEqual([
      ['Charming Kitten', 'CrowdStrike', 'current'],
      ['Mint Sandstorm', 'Microsoft', 'current'],
      ['PHOSPHORUS', 'Microsoft', 'former'],
      ['TA453', 'not recorded', 'disputed (used for more than one group)'],
    ]);
    // Names in the table are not repeated in the alias line; others still are.
    expect(screen.getByText('Newscaster Team')).toBeTruthy();
    expect(document.querySelector('.entry-aliases')?.textContent).not.toContain('Charming Kitten');
  });

  test.each([
    ['en', '“APT45” is used for more than one group: here per Mandiant; Andariel (Microsoft).'],
    ['zh_CN', '“APT45”被用于多个组织：本条目依据Mandiant; Andariel (Microsoft)。'],
  ] as const)('%s: a disputed name says which other group it may mean and who uses it for each', (lang, line) => {
    const apt45 = makeEntry('apt45', {
      kind: 'threat-actor',
      name: 'APT45',
      aliases: [
        alias('APT45', {
          disputed: true,
          usedBy: ['Mandiant'],
          alsoUsedFor: [{ id: 'andariel', name: 'Andariel', by: ['Microsoft'] }],
        }),
      ],
    });
    renderEntry('card', { entry: apt45, lang });
    expect(document.querySelector('.entry-disputed')?.textContent).toBe(line);
  });

  test('the card shows at most six names and says how many more', () => {
    const many = makeEntry('many', {
      kind: 'threat-actor',
      aliases: Array.from({ length: 8 }, (_, i) => alias(`Name ${i}`, { coinedBy: `Vendor ${i}` })),
    });
    renderEntry('card', { entry: many });
    expect(tableRows()).toHaveLength(6);
    expect(screen.getByText('2 more in the full view')).toBeTruthy();
  });

  test('the card leads with the name that matched, so six rows never cut it off', () => {
    const many = makeEntry('many', {
      kind: 'threat-actor',
      aliases: [
        ...Array.from({ length: 7 }, (_, i) => alias(`Name ${i}`, { coinedBy: `Vendor ${i}` })),
        alias('OLDNAME', { coinedBy: 'Microsoft', former: true }),
      ],
    });
    renderEntry('card', { entry: many, matchedText: 'oldname' });
    expect(tableRows()[0]).toEqual(['OLDNAME', 'Microsoft', 'former']);
    expect(tableRows()).toHaveLength(6);
    cleanup();
    renderEntry('full', { entry: many, matchedText: 'oldname' });
    expect(tableRows()[7]).toEqual(['OLDNAME', 'Microsoft', 'former']);
  });

  test.each([
    ['en', 'the group itself'],
    ['zh_CN', '该组织自称'],
  ] as const)("%s: a group's own name says the group coined it", (lang, coiner) => {
    const sea = makeEntry('sea', {
      kind: 'threat-actor',
      name: 'Syrian Electronic Army',
      aliases: [
        alias('Syrian Electronic Army', { selfNamed: true }),
        alias('Deadeye Jackal', { coinedBy: 'CrowdStrike' }),
      ],
    });
    renderEntry('full', { entry: sea, lang });
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((tr) => tr.children[1]?.textContent)).toEqual([coiner, 'CrowdStrike']);
  });

  test('no table without vendor facts', () => {
    renderEntry('card', { entry: plugx });
    expect(screen.queryByRole('table')).toBeNull();
  });

  test('Chinese interface', () => {
    renderEntry('card', { lang: 'zh_CN' });
    expect(screen.getByRole('table', { name: '各厂商的命名' })).toBeTruthy();
    expect(screen.getByText('旧称')).toBeTruthy();
  });
});

describe('which alias matched', () => {
  test.each<[string | undefined, string | null]>([
    ['Charming Kitten', 'Matched “Charming Kitten”, CrowdStrike’s name for APT35'],
    ['charming kitten', 'Matched “Charming Kitten”, CrowdStrike’s name for APT35'],
    ['PHOSPHORUS', 'Matched “PHOSPHORUS”, Microsoft’s name for APT35'],
    ['Newscaster Team', 'Matched “Newscaster Team”'],
    ['APT35', null],
    [undefined, null],
  ])('%s', (matchedText, line) => {
    const { container } = renderEntry('card', { matchedText });
    expect(container.querySelector('.entry-matched')?.textContent ?? null).toBe(line);
  });

  test('the hover card passes the matched text through', () => {
    renderWithI18n(
      <HoverCard
        entry={apt35}
        related={[]}
        matchedText="Mint Sandstorm"
        onClose={vi.fn()}
        onOpen={vi.fn()}
        onMore={vi.fn()}
      />,
    );
    expect(screen.getByRole('dialog', { name: 'Background on APT35' }).textContent).toContain(
      'Matched “Mint Sandstorm”, Microsoft’s name for APT35',
    );
  });
});

describe('attribution, ATT&CK, sources', () => {
  test.each<[UiLang, string]>([
    ['en', 'Linked to Iran (IRGC) by US government and Microsoft'],
    ['zh_CN', 'US government和Microsoft 认为其与伊朗 (IRGC)有关'],
  ])('attribution in %s', (lang, line) => {
    const { container } = renderEntry('card', { lang });
    expect(container.querySelector('.entry-attribution li')?.textContent).toBe(line);
  });

  test('the ATT&CK id with its address as a link', () => {
    renderEntry('card');
    const link = screen.getByRole('link', { name: 'https://attack.mitre.org/groups/G0059/' });
    expect(link.getAttribute('href')).toBe('https://attack.mitre.org/groups/G0059/');
    expect(link.closest('.entry-attack')?.textContent).toContain('G0059');
  });

  test.each<['card' | 'full', number]>([
    ['card', 3],
    ['full', 4],
  ])('%s shows %i sources with publisher and date, and "as of"', (variant, n) => {
    const { container } = renderEntry(variant);
    const items = [...container.querySelectorAll('.entry-sources li')].map((li) => li.textContent);
    expect(items).toHaveLength(n);
    expect(items[0]).toBe('Advisory A CISA, 2022-09-14');
    expect(items[2]).toBe('Report C Mandiant');
    expect(container.querySelector('.entry-foot')?.textContent).toContain('As of 2026-11-30');
  });
});

describe('entry view: links by type, topic members by date, response checked', () => {
  test('links grouped by type, with who says so; they open the entry', () => {
    const { container, onOpen } = renderEntry('full');
    const groups = [...container.querySelectorAll('.link-group')].map((g) => g.textContent);
    expect(groups).toEqual(['Overlaps withAPT42 (according to Mandiant)', 'UsesPlugX']);
    fireEvent.click(screen.getByRole('button', { name: 'PlugX' }));
    expect(onOpen).toHaveBeenCalledWith('plugx');
  });

  test('the card has no links section (it only has related entries)', () => {
    const { container } = renderEntry('card');
    expect(container.querySelector('.entry-links')).toBeNull();
  });

  test('topic members newest first', () => {
    const a = makeEntry('a', { kind: 'action', name: 'Older', dates: [{ label: 'x', start: '2019-05-16' }] });
    const b = makeEntry('b', { kind: 'policy', name: 'Newer', dates: [{ label: 'x', start: '2024-12-02' }] });
    const hub = makeEntry('hub', { kind: 'topic', name: 'US export controls', members: ['a', 'b', 'missing'] });
    const map = new Map([a, b, hub].map((e) => [e.id, e]));
    const { container } = renderWithI18n(
      <EntryCard entry={hub} related={[]} variant="full" resolve={(id) => map.get(id)} />,
    );
    expect([...container.querySelectorAll('.entry-members li')].map((li) => li.textContent)).toEqual([
      '2024-12-02 Newer',
      '2019-05-16 Older',
    ]);
  });

  test('the claim in full with the day the response was checked', () => {
    const allegation = makeEntry('al', {
      kind: 'allegation',
      claim: {
        by: 'CNCERT/CC',
        byParty: 'CN',
        against: 'US intelligence',
        againstParty: 'US',
        date: '2024-12-18',
        claim: 'It alleged two intrusions.',
        response: 'No public response found',
        responseCheckedOn: '2026-11-30',
      },
    });
    renderEntry('full', { entry: allegation });
    expect(screen.getByText('It alleged two intrusions.')).toBeTruthy();
    expect(screen.getByText(/No public response found/).textContent).toBe(
      'No public response found (Response checked on 2026-11-30)',
    );
  });
});

describe('a name in a vendor pattern', () => {
  test.each<[{ usedBy: string; meaning: string } | undefined, string]>([
    [
      { usedBy: 'Mandiant', meaning: 'A cluster it has not yet tied to a named group.' },
      'Mandiant: A cluster it has not yet tied to a named group.',
    ],
    [undefined, 'Fits a vendor’s naming pattern.'],
  ])('card explains the pattern (%#)', (info, meaning) => {
    renderWithI18n(<HoverCard pattern={info ? { text: 'UNC9999', info } : { text: 'UNC9999' }} onClose={vi.fn()} />);
    const card = screen.getByRole('dialog', { name: 'About the name UNC9999' });
    expect(within(card).getByRole('heading').textContent).toBe('UNC9999');
    expect(card.querySelector('.pattern-meaning')?.textContent).toBe(meaning);
    expect(card.textContent).toContain('Not in the knowledge base');
  });
});
