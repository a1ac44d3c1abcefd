/** A small article context shared by the export tests. */
import type { ArticleContext } from '../../core/export/context';
import type { Alias, Entry } from '../../core/kb/schema';

const alias = (text: string, over: Partial<Alias> = {}): Alias => ({
  text,
  lang: 'en',
  caseSensitive: false,
  requiresContext: false,
  primary: false,
  ...over,
});
export function entry(id: string, over: Partial<Entry> = {}): Entry {
  return {
    id,
    kind: 'concept',
    name: `Name of ${id}`,
    aliases: [],
    summary: `Summary of ${id}. Second sentence.`,
    details: [],
    dates: [],
    related: [],
    sources: [
      { url: `https://example.org/${id}`, title: `Report on ${id}`, publisher: 'Example Lab', date: '2024-05-01' },
    ],
    asOf: '2026-11-30',
    chinaRelated: false,
    ...over,
  };
}

export const apt35 = entry('apt35', {
  kind: 'threat-actor',
  name: 'APT35',
  aliases: [
    alias('Charming Kitten', { coinedBy: 'CrowdStrike' }),
    alias('TA453', { disputed: true }),
    alias('Mint Sandstorm', { coinedBy: 'Microsoft' }),
  ],
  attackId: 'G0059',
  firstReported: '2014-05',
  attribution: [{ country: 'IR', sponsor: 'IRGC', by: ['US government', 'Microsoft'] }],
  links: [
    { id: 'powerless', type: 'uses' },
    { id: 'apt42', type: 'overlaps', by: 'Mandiant' },
    { id: 'not-exported', type: 'uses' },
  ],
});
export const powerless = entry('powerless', {
  kind: 'malware',
  name: 'POWERLESS',
  softwareType: 'malware',
  attackId: 'S1012',
});
export const apt42 = entry('apt42', {
  kind: 'threat-actor',
  name: 'APT42',
  summaryComposed: true,
  links: [{ id: 'psexec', type: 'uses' }],
});
export const groupx = entry('groupx', {
  kind: 'threat-actor',
  name: 'Group X',
  attribution: [
    { country: 'UK', by: ['A', 'B', 'C'] },
    { country: 'ZZ', by: ['D'] },
  ],
  links: [{ id: 'cncert', type: 'attributed-to' }],
});
export const psexec = entry('psexec', { kind: 'malware', name: 'PsExec', softwareType: 'tool' });
export const op = entry('op', {
  kind: 'operation',
  name: 'Operation Example',
  dates: [{ label: 'active', start: '2023-05', end: '2024-08' }],
  links: [
    { id: 'apt35', type: 'attributed-to' },
    { id: 'powerless', type: 'uses' },
  ],
});
export const cncert = entry('cncert', {
  kind: 'organization',
  name: 'CNCERT/CC',
  country: 'CN',
  orgType: 'government',
});
export const concept = entry('concept', { kind: 'concept', name: 'Cyber-espionage' });
export const event = entry('event', {
  kind: 'allegation',
  related: ['cncert'],
  name: 'CNCERT/CC’s December 2024 allegation',
  claim: {
    by: 'CNCERT/CC',
    byParty: 'CN',
    against: 'US intelligence agencies',
    againstParty: 'US',
    date: '2024-12-18',
    claim: 'It alleged two intrusions into Chinese technology firms.',
    response: 'No public response found',
    responseCheckedOn: '2026-11-30',
  },
});
export const report2022 = entry('report-2022', { kind: 'allegation', name: 'A [2022] report *with* markup' });
export const tied = entry('tied', { kind: 'allegation', name: 'Another allegation the same week' });
export const indictment = entry('indictment', {
  kind: 'action',
  name: 'An indictment of APT35 members',
  related: ['apt35'],
  claim: {
    by: 'US Department of Justice',
    byParty: 'US',
    against: 'Members of APT35',
    againstParty: 'IR',
    date: '2022-09-14',
    claim: 'It charged three men over intrusions.',
    response: 'No public response found',
  },
});

export const CONTEXT: ArticleContext = {
  url: 'https://news.example/story?id=1',
  title: 'China blames US for cyber-espionage',
  published: '2024-12-19',
  entities: [
    { entry: apt35, count: 3 },
    { entry: powerless, count: 1 },
    { entry: apt42, count: 1 },
    { entry: psexec, count: 1 },
    { entry: op, count: 1 },
    { entry: cncert, count: 2 },
    { entry: concept, count: 1 },
    { entry: groupx, count: 1 },
  ],
  event,
  eventWhy: [
    { kind: 'parties', what: ['CNCERT/CC', 'US'] },
    { kind: 'date', what: ['2024-12-18'] },
  ],
  eventTiedWith: [tied],
  events: [indictment],
  brief: {
    claims: [
      {
        accuser: 'CNCERT/CC',
        accuserId: 'cncert',
        accused: 'US intelligence',
        of: ['hacking', 'espionage'],
        targets: ['a research institute'],
        period: 'since May 2023',
        quote: {
          text: 'CNCERT/CC said US intelligence hacked\na research institute since May 2023.',
          start: 10,
          end: 80,
        },
      },
    ],
    response: { text: 'Washington did not comment.', start: 90, end: 117 },
  },
  references: [{ entry: report2022, words: ['CNCERT', 'Russia', 'Ukraine'] }],
  timeline: [
    { id: 'later', date: '2025-03-05', name: 'Later move', kind: 'action', from: 'US', to: 'CN' },
    { id: 'event', date: '2024-12-18', name: event.name, kind: 'allegation', from: 'CN', to: 'US', thisArticle: true },
    { id: 'indictment', date: '2022-09-14', name: indictment.name, kind: 'action', from: 'US', to: 'IR' },
  ],
  patternNames: [
    { text: 'UNC9999', pattern: 'unc', info: { usedBy: 'Mandiant', meaning: 'Mandiant’s label for a cluster.' } },
    { text: 'GlimmerVault', introduced: { kind: 'malware', words: 'backdoor dubbed' } },
  ],
};
