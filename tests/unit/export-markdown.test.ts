import { describe, expect, test } from 'vitest';
import { firstSentence } from '../../core/export/context';
import { escapeMarkdown, toMarkdown } from '../../core/export/markdown';
import { CONTEXT } from './export-fixtures';

describe('toMarkdown', () => {
  const md = toMarkdown(CONTEXT, { kbAsOf: '2026-11-30' });
  const section = (title: string) => {
    const start = md.indexOf(`## ${title}`);
    expect(start, title).toBeGreaterThanOrEqual(0);
    const end = md.indexOf('\n## ', start + 1);
    return md.slice(start, end < 0 ? undefined : end);
  };

  test('heads with the title and the article address', () => {
    expect(
      md.startsWith(
        '# China blames US for cyber-espionage\n\n<https://news.example/story?id=1> (published 2024-12-19)',
      ),
    ).toBe(true);
  });

  test('the event with its claim and response in full', () => {
    const s = section('This article reports');
    expect(s).toContain('**CNCERT/CC’s December 2024 allegation**: Summary of event.');
    expect(s).toContain('- Claim: It alleged two intrusions into Chinese technology firms.');
    expect(s).toContain('- Response: No public response found (checked 2026-11-30)');
  });

  test('the event’s why line and its tie', () => {
    const lines = section('This article reports').split('\n');
    expect(lines).toContain('- Why this event: the same parties \\(CNCERT/CC, US\\); the date fits \\(2024-12-18\\)');
    expect(lines).toContain('- Tied with: Another allegation the same week (they scored the same)');
  });

  test('the brief: who accuses whom of what, with the article’s words on one line', () => {
    expect(
      section('Who accuses whom')
        .split('\n')
        .filter((l) => l.trim()),
    ).toEqual([
      '## Who accuses whom, in the article’s words',
      '- CNCERT/CC accuses US intelligence of hacking, espionage \\(targets: a research institute\\) \\(period: since May 2023\\)',
      '  > “CNCERT/CC said US intelligence hacked a research institute since May 2023.”',
      '- Response or denial reported: “Washington did not comment.”',
    ]);
  });

  test('no brief section without a brief, nor for an empty one', () => {
    const { brief: _, ...rest } = CONTEXT;
    expect(toMarkdown(rest)).not.toContain('Who accuses whom');
    expect(toMarkdown({ ...rest, brief: { claims: [] } })).not.toContain('Who accuses whom');
  });

  test.each([
    ['APT35', '- **APT35** (threat-actor, 3 mentions): Summary of apt35.'],
    ['sources', '  Sources: [Report on apt35](https://example.org/apt35) (Example Lab, 2024-05-01). As of 2026-11-30.'],
    ['one mention', '- **POWERLESS** (malware, 1 mention): Summary of powerless.'],
  ])('entities: %s', (_what, line) => {
    expect(section('Entities').split('\n')).toContain(line);
  });

  test('references in words, markup in names escaped', () => {
    expect(section('Referred to in words')).toContain(
      '- **A \\[2022\\] report \\*with\\* markup** (matched: “CNCERT”, “Russia”, “Ukraine”)',
    );
  });

  test('timeline newest first with the article’s event marked', () => {
    expect(
      section('Timeline')
        .split('\n')
        .filter((l) => l.startsWith('- ')),
    ).toEqual([
      '- 2025-03-05: Later move (US → CN)',
      '- 2024-12-18: CNCERT/CC’s December 2024 allegation (CN → US) **(this article)**',
      '- 2022-09-14: An indictment of APT35 members (US → IR)',
    ]);
  });

  test('names not in Spyglass yet: a pattern name with its meaning, an introduced one with its words; the closing line', () => {
    expect(
      section('Not in Spyglass yet')
        .split('\n')
        .filter((l) => l.startsWith('- ')),
    ).toEqual([
      '- UNC9999: Mandiant’s label for a cluster.',
      '- GlimmerVault (malware, introduced as "backdoor dubbed")',
    ]);
    expect(
      md
        .trimEnd()
        .endsWith(
          'knowledge base as of 2026-11-30. Allegations are stated as allegations, with the response on record.',
        ),
    ).toBe(true);
  });

  test('an empty page has only the heading and the closing line', () => {
    const out = toMarkdown({ url: 'https://x.example/', entities: [], references: [], timeline: [], patternNames: [] });
    expect(out.match(/^## /gm)).toBeNull();
  });
});

describe('helpers', () => {
  test.each([
    ['a *b* [c](d) #e', 'a \\*b\\* \\[c\\]\\(d\\) \\#e'],
    ['1. not a list', '1\\. not a list'],
    ['plain', 'plain'],
  ])('escapeMarkdown(%s)', (input, out) => {
    expect(escapeMarkdown(input)).toBe(out);
  });
  test.each([
    ['One. Two.', 'One.'],
    ['U.S. officials said so. Then more.', 'U.S. officials said so.'],
    ['Named by J. Smith in 2020. Then more.', 'Named by J. Smith in 2020.'],
    ['Version 2.1 is out. Then more.', 'Version 2.1 is out.'],
    ['美国机构归因。第二句。', '美国机构归因。'],
    ['No stop', 'No stop'],
  ])('firstSentence(%s)', (input, out) => {
    expect(firstSentence(input)).toBe(out);
  });
});
