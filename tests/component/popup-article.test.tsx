/** The popup and side panel for an article: its event, references in words, pattern names, timeline, export, analyse. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PopupApp, type PopupAppProps } from '../../components/popup-app';
import type { ArticleContext } from '../../core/export/context';
import type { Claim, Entry, Party } from '../../core/kb/schema';
import type { PageState } from '../../core/page-state';
import { makeEntry, renderWithI18n, searcherOver } from './helpers';

afterEach(cleanup);

const claim = (date: string, byParty: Party, againstParty: Party, over: Partial<Claim> = {}): Claim => ({
  by: 'Someone',
  byParty,
  against: 'Someone else',
  againstParty,
  date,
  claim: 'A claim.',
  response: 'No public response found',
  ...over,
});

const ENTRIES: Entry[] = [
  makeEntry('cncert', { kind: 'organization', name: 'CNCERT/CC', related: ['event'] }),
  makeEntry('event', {
    kind: 'allegation',
    name: 'CNCERT/CC’s December 2024 allegation',
    summary: 'CNCERT/CC alleged two intrusions.',
    claim: claim('2024-12-18', 'CN', 'US', {
      by: 'CNCERT/CC',
      against: 'US intelligence agencies',
      claim: 'Two intrusions into technology firms.',
      response: 'The State Department did not comment.',
      responseCheckedOn: '2026-11-30',
    }),
    related: ['cncert'],
  }),
  makeEntry('report-2022', {
    kind: 'allegation',
    name: 'CNCERT/CC 2022 report',
    claim: claim('2022-03-01', 'CN', 'US'),
  }),
  makeEntry('indictment', {
    kind: 'action',
    name: 'Later indictment',
    claim: claim('2025-03-05', 'US', 'CN'),
    related: ['event'],
  }),
  makeEntry('chips', {
    kind: 'policy',
    name: 'Chip export rules',
    country: 'US',
    dates: [{ label: 'in force', start: '2024-12-02' }],
  }),
  makeEntry('eu', {
    kind: 'action',
    name: 'EU sanctions on others',
    claim: claim('2024-05-01', 'EU', 'RU'),
    related: ['event'],
  }),
];
const entries = new Map(ENTRIES.map((e) => [e.id, e]));
const search = searcherOver(ENTRIES);

const page: PageState = {
  url: 'https://news.example/story',
  title: 'China blames US',
  status: 'espionage',
  score: 1,
  lang: 'en',
  signals: [],
  entities: [
    { id: 'cncert', count: 2 },
    { id: 'event', count: 1 },
  ],
  event: { id: 'event', via: 'cues' },
  references: [
    { id: 'event', words: ['CNCERT', 'two cyberattacks'] },
    { id: 'report-2022', words: ['CNCERT', 'Russia', 'Ukraine', 'Belarus'] },
  ],
  patternNames: [
    { text: 'UNC9999', pattern: 'unc' },
    { text: 'Storm-9999', pattern: 'nope' },
  ],
};
const patterns = new Map([['unc', { usedBy: 'Mandiant', meaning: 'A cluster not yet tied to a named group.' }]]);

function renderPopup(props: Partial<PopupAppProps> = {}) {
  return renderWithI18n(
    <PopupApp page={page} entries={entries} search={search} canPause patterns={patterns} {...props} />,
  );
}

describe('what the article is about', () => {
  test('leads with the event, its claim and response in full', () => {
    const { container } = renderPopup();
    const lead = screen.getByRole('region', { name: /This article reports: CNCERT\/CC’s December 2024 allegation/ });
    // The lead comes before the entity list.
    const sections = [...container.querySelectorAll('section.panel')].map((s) => s.className);
    expect(sections.indexOf('panel article-lead')).toBeLessThan(sections.findIndex((c) => c === 'panel'));
    expect(lead.textContent).toContain('Two intrusions into technology firms.');
    expect(lead.textContent).toContain('The State Department did not comment. (Response checked on 2026-11-30)');
    expect(lead.textContent).toContain('Recognised from how the article describes it.');
  });

  test('no event, no lead', () => {
    renderPopup({ page: { ...page, event: undefined } });
    expect(screen.queryByText(/This article reports/)).toBeNull();
  });

  test('references in words with the words that matched (the event not again); they open the entry', () => {
    renderPopup();
    const refs = screen.getByRole('region', { name: 'This article appears to refer to' });
    expect([...refs.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'CNCERT/CC 2022 reportWords that matched: “CNCERT”, “Russia”, “Ukraine”, “Belarus”',
    ]);
    fireEvent.click(within(refs).getByRole('button', { name: 'CNCERT/CC 2022 report' }));
    expect(screen.getByRole('heading', { level: 2, name: 'CNCERT/CC 2022 report' })).toBeTruthy();
  });

  test('names in vendor patterns with what the pattern means', () => {
    renderPopup();
    const region = screen.getByRole('region', { name: 'Not in Spyglass yet' });
    expect([...region.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'UNC9999 (Not in the knowledge base)Mandiant: A cluster not yet tied to a named group.',
      'Storm-9999 (Not in the knowledge base)Fits a vendor’s naming pattern.',
    ]);
  });
});

describe('timeline around the event', () => {
  const rows = (c: Element) =>
    [...c.querySelectorAll('.timeline-item')].map(
      (li) => `${li.querySelector('time')?.textContent} ${li.querySelector('button')?.textContent}`,
    );

  test('focused by default: what concerns the article, nearest its date first; the event marked "this article"', () => {
    const { container } = renderPopup();
    expect(rows(container)).toEqual([
      '2024-12-18 CNCERT/CC’s December 2024 allegation',
      '2025-03-05 Later indictment',
      '2024-05-01 EU sanctions on others',
      '2022-03-01 CNCERT/CC 2022 report',
    ]);
    const current = container.querySelector('.timeline-item[aria-current="true"]');
    expect(current?.textContent).toContain('this article');
    expect(current?.textContent).toContain('CNCERT/CC’s December 2024 allegation');
    // The same-years export controls share no party, pair or name with the article: only under Show all.
    expect(container.querySelector('.timeline-item.context')).toBeNull();
  });

  test('Show all brings back the rest, newest first; the toggle goes back to the focused list', () => {
    const { container } = renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Show all (5)' }));
    expect(rows(container)).toEqual([
      '2025-03-05 Later indictment',
      '2024-12-18 CNCERT/CC’s December 2024 allegation',
      '2024-12-02 Chip export rules',
      '2024-05-01 EU sanctions on others',
      '2022-03-01 CNCERT/CC 2022 report',
    ]);
    expect(container.querySelector('.timeline-item.context')?.textContent).toContain('Chip export rules');
    fireEvent.click(screen.getByRole('button', { name: 'Show only related' }));
    expect(rows(container)).toHaveLength(4);
  });

  test('nothing more to show: no Show all', () => {
    renderPopup({ entries: new Map([...entries].filter(([id]) => id !== 'chips')) });
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  test.each<[string, boolean, string[]]>([
    ['Against China', false, ['2025-03-05 Later indictment']],
    ['Against the US', false, ['2024-12-18 CNCERT/CC’s December 2024 allegation', '2022-03-01 CNCERT/CC 2022 report']],
    ['Other', false, ['2024-05-01 EU sanctions on others']],
    ['Other', true, ['2024-12-02 Chip export rules', '2024-05-01 EU sanctions on others']],
  ])('direction filter: %s (show all: %s)', (label, showAll, expected) => {
    const { container } = renderPopup();
    if (showAll) fireEvent.click(screen.getByRole('button', { name: /Show all/ }));
    fireEvent.click(screen.getByRole('radio', { name: label }));
    expect(rows(container)).toEqual(expected);
    fireEvent.click(screen.getByRole('radio', { name: 'All' }));
    expect(rows(container)).toHaveLength(showAll ? 5 : 4);
  });
});

describe('take it away', () => {
  test('copy and save hand the article context out and report the outcome', async () => {
    let got: ArticleContext | undefined;
    const onCopyMarkdown = vi.fn(async (ctx: ArticleContext) => {
      got = ctx;
    });
    const onSaveStix = vi.fn(async () => 'spyglass-news.example.stix.json');
    renderPopup({ onCopyMarkdown, onSaveStix });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied to the clipboard.'));
    expect(got?.event?.id).toBe('event');
    expect(got?.references.map((r) => r.entry.id)).toEqual(['report-2022']);
    expect(got?.timeline.find((t) => t.thisArticle)?.id).toBe('event');
    expect(got?.patternNames[0]?.info?.usedBy).toBe('Mandiant');
    fireEvent.click(screen.getByRole('button', { name: 'Save as STIX 2.1' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved spyglass-news.example.stix.json.'));
  });

  test('a failure is said, not swallowed', async () => {
    renderPopup({ onCopyMarkdown: () => Promise.reject(new Error('Document is not focused')), onSaveStix: vi.fn() });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Could not export: Document is not focused'),
    );
  });

  test('no buttons on pages that are not articles', () => {
    renderPopup({ page: { ...page, status: 'not-article' }, onCopyMarkdown: vi.fn(), onSaveStix: vi.fn() });
    expect(screen.queryByRole('button', { name: 'Copy as Markdown' })).toBeNull();
  });
});

describe('analyse this page', () => {
  test.each<[string, Partial<PopupAppProps>, boolean]>([
    ['not an article', { page: { ...page, status: 'not-article' } }, true],
    ['espionage article', {}, false],
    ['paused', { page: { ...page, status: 'not-article' }, override: 'paused' }, false],
    ['unreadable', { page: 'unreadable' }, false],
    ['an article the topic gate skipped', { page: { ...page, status: 'article', skipped: true } }, true],
    ['an article that was read', { page: { ...page, status: 'article' } }, false],
    ['no handler', { page: { ...page, status: 'not-article' }, onAnalyse: undefined }, false],
  ])('%s: offered %s', (_n, props, offered) => {
    const onAnalyse = vi.fn();
    renderPopup({ onAnalyse, ...props });
    const button = screen.queryByRole('button', { name: 'Analyse this page' });
    expect(button !== null).toBe(offered);
    if (button) {
      fireEvent.click(button);
      expect(onAnalyse).toHaveBeenCalledOnce();
    }
  });
});

describe('side panel', () => {
  test('says which tab it follows; an entity scrolls the page to it and opens its entry', () => {
    const onShowInPage = vi.fn();
    renderPopup({ variant: 'panel', following: 'China blames US', onShowInPage });
    expect(screen.getByText('Following: China blames US')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Spyglass side panel' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'CNCERT/CC' }));
    expect(onShowInPage).toHaveBeenCalledWith('cncert');
    expect(screen.getByRole('heading', { level: 2, name: 'CNCERT/CC' })).toBeTruthy();
  });

  test('the popup offers to open the side panel', () => {
    const onOpenSidePanel = vi.fn();
    renderPopup({ onOpenSidePanel });
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    expect(onOpenSidePanel).toHaveBeenCalledOnce();
  });

  test('in the popup, an entity opens its entry without scrolling the page', () => {
    const onShowInPage = vi.fn();
    renderPopup({ onShowInPage });
    fireEvent.click(screen.getByRole('button', { name: 'CNCERT/CC' }));
    expect(onShowInPage).not.toHaveBeenCalled();
  });
});

describe('why the event leads, and ties', () => {
  const why: NonNullable<PageState['event']>['why'] = [
    { kind: 'named', what: ['event'] },
    { kind: 'parties', what: ['cncert'] },
    { kind: 'terms', what: ['energy', 'materials', 'secrets', 'trade', 'extra'] },
    { kind: 'date', what: ['2024-12-18'] },
  ];
  test.each<[string, NonNullable<PageState['event']>, 'en' | 'zh_CN', string]>([
    [
      'found by content: names resolved, at most four words',
      { id: 'event', via: 'content', why: why.slice(1) },
      'en',
      'Chosen because: the article names CNCERT/CC; shares the words energy, materials, secrets, trade; date fits 2024-12-18',
    ],
    [
      'described in words',
      { id: 'event', via: 'cues', why },
      'en',
      'Chosen because: the article describes it; the article names CNCERT/CC; shares the words energy, materials, secrets, trade; date fits 2024-12-18',
    ],
    [
      'in Chinese',
      { id: 'event', via: 'name', why: [why[0]!, why[3]!] },
      'zh_CN',
      '选择依据：文章提到了它；日期吻合：2024-12-18',
    ],
  ])('one line: %s', (_name, event, lang, expected) => {
    const { container } = renderWithI18n(
      <PopupApp page={{ ...page, event }} entries={entries} search={search} canPause />,
      lang,
    );
    const line = container.querySelector('.article-lead .lead-why');
    expect(line?.textContent).toBe(expected);
    // The why line replaces the older hint.
    expect(container.textContent).not.toContain('Recognised from how the article describes it.');
  });

  test('a key word that only repeats a named party is left out; no words left, no words part', () => {
    const { container } = renderPopup({
      page: {
        ...page,
        event: {
          id: 'event',
          via: 'content',
          why: [
            { kind: 'parties', what: ['cncert'] },
            { kind: 'terms', what: ['cncert'] },
          ],
        },
      },
    });
    expect(container.querySelector('.lead-why')?.textContent).toBe('Chosen because: the article names CNCERT/CC');
  });

  test('a tie says so, with the tied events as links that open them', () => {
    const { container } = renderPopup({
      page: { ...page, event: { id: 'event', via: 'content', why, tiedWith: ['report-2022', 'not-in-kb'] } },
    });
    const tie = container.querySelector('.article-lead .lead-tie');
    expect(tie?.textContent).toBe('Tied with: CNCERT/CC 2022 report');
    fireEvent.click(within(tie as HTMLElement).getByRole('button', { name: 'CNCERT/CC 2022 report' }));
    expect(screen.getByRole('heading', { level: 2, name: 'CNCERT/CC 2022 report' })).toBeTruthy();
  });

  test('no tie, no tie line', () => {
    const { container } = renderPopup({ page: { ...page, event: { id: 'event', via: 'content', why } } });
    expect(container.querySelector('.lead-tie')).toBeNull();
  });
});

describe('the brief: what this article reports', () => {
  const text =
    'The Danish intelligence service said on Thursday that a Russian group was behind a destructive attack on a water utility in 2024.';
  const brief: NonNullable<PageState['brief']> = {
    claims: [
      {
        accuser: 'The Danish intelligence service',
        accused: 'a Russian group',
        of: ['sabotage', 'hacking'],
        targets: ['a water utility'],
        period: 'in 2024',
        quote: { text, start: 120, end: 120 + text.length },
      },
      {
        accuser: 'Officials',
        of: [],
        targets: [],
        quote: { text: 'Officials blamed hackers.', start: 400, end: 425 },
      },
    ],
    response: { text: 'Moscow denied any involvement.', start: 500, end: 530 },
  };
  const briefPage: PageState = { ...page, event: undefined, references: [], brief };

  test('each claim as a sentence from its parts, with its quote; the response line', () => {
    renderPopup({ page: briefPage });
    const region = screen.getByRole('region', { name: 'What this article reports' });
    const claims = [...region.querySelectorAll('.brief-claim')];
    expect(claims.map((c) => c.querySelector('.brief-sentence')?.textContent)).toEqual([
      'The Danish intelligence service accuses a Russian group of sabotage, hacking (targets: a water utility) (period: in 2024)',
      'Officials makes an accusation',
    ]);
    expect(claims.map((c) => c.querySelector('blockquote')?.textContent)).toEqual([text, 'Officials blamed hackers.']);
    expect(region.querySelector('.brief-response')?.textContent).toContain('Response or denial:');
    expect(region.querySelector('.brief-response blockquote')?.textContent).toBe('Moscow denied any involvement.');
  });

  test('Show in page asks the page for the quote’s text range', () => {
    const onShowText = vi.fn();
    renderPopup({ page: briefPage, onShowText });
    const region = screen.getByRole('region', { name: 'What this article reports' });
    const buttons = within(region).getAllByRole('button', { name: 'Show in page' });
    expect(buttons).toHaveLength(3);
    // Each button is described by the words it shows.
    expect(buttons.map((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent)).toEqual([
      text,
      'Officials blamed hackers.',
      'Moscow denied any involvement.',
    ]);
    fireEvent.click(buttons[0]!);
    fireEvent.click(buttons[2]!);
    expect(onShowText.mock.calls.map(([q]) => [q.start, q.end])).toEqual([
      [120, 120 + text.length],
      [500, 530],
    ]);
  });

  test('a long quote is cut short at a word', () => {
    const long = `${'word '.repeat(80)}end`;
    renderPopup({
      page: {
        ...briefPage,
        brief: { claims: [{ ...brief.claims[1]!, quote: { text: long, start: 0, end: long.length } }] },
      },
    });
    const quote = screen.getByRole('region', { name: 'What this article reports' }).querySelector('blockquote');
    expect(quote?.textContent?.length).toBeLessThanOrEqual(221);
    expect(quote?.textContent).toMatch(/word…$/);
  });

  test.each<[string, PageState['brief']]>([
    ['no brief', undefined],
    ['an empty brief', { claims: [] }],
  ])('%s: no section', (_name, b) => {
    renderPopup({ page: { ...briefPage, ...(b ? { brief: b } : { brief: undefined }) } });
    expect(screen.queryByRole('region', { name: 'What this article reports' })).toBeNull();
  });

  test('in Chinese', () => {
    renderWithI18n(<PopupApp page={briefPage} entries={entries} search={search} canPause />, 'zh_CN');
    const region = screen.getByRole('region', { name: '本文报道的内容' });
    expect(region.querySelector('.brief-sentence')?.textContent).toBe(
      'The Danish intelligence service指控a Russian group 涉及破坏活动、黑客攻击 (目标：a water utility) (时间：in 2024)',
    );
  });
});
