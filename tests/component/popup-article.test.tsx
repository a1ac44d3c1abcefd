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
    const region = screen.getByRole('region', { name: 'Names in vendor naming patterns' });
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
