/** The introducer words of the lexicon files (assets/lexicon/<lang>.json, `introducers`) and their validation. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkLexiconFile } from '../../../core/engine/lexicon-check';
import { LEXICON_FILES } from '../../../core/engine/lexicon-files';
import { runtimeLexiconFile } from '../../../core/engine/lexicon';
import { ROOT } from './helpers';

const raw = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'assets/lexicon', `${lang}.json`), 'utf8')) as Record<string, unknown>;
const LANGUAGES = Object.entries(LEXICON_FILES)
  .filter(([, f]) => f.lang !== 'other')
  .map(([key]) => key);

describe('every language has introducer words', () => {
  test('34 languages', () => {
    expect(LANGUAGES).toHaveLength(34);
  });

  test.each(LANGUAGES.map((l) => [l] as const))('%s: malware, group and campaign words and a naming word', (lang) => {
    const r = checkLexiconFile(`${lang}.json`, raw(lang));
    expect(r.problems).toEqual([]);
    const i = r.file!.introducers!;
    expect(i.malware.length).toBeGreaterThan(0);
    expect(i.group.length).toBeGreaterThan(0);
    expect(i.campaign.length).toBeGreaterThan(0);
    expect(i.naming.length + (i.nameFirst?.length ?? 0)).toBeGreaterThan(0);
    // The worker's copy of the lexicon keeps them.
    expect(runtimeLexiconFile(r.file!).introducers).toEqual(i);
  });
});

describe('the introducers field is validated, naming file and field', () => {
  const en = raw('en');
  const intro = en.introducers as Record<string, unknown>;
  test.each<[string, Record<string, unknown>, string]>([
    ['no malware words', { ...intro, malware: [] }, 'introducers.malware'],
    ['an empty form', { ...intro, group: ['group', ' '] }, 'introducers.group.1'],
    [
      'a campaign list missing',
      { malware: intro.malware, group: intro.group, naming: intro.naming },
      'introducers.campaign',
    ],
    ['no naming word at all', { ...intro, naming: [], nameFirst: [] }, 'introducers'],
    ['an unknown kind', { ...intro, person: ['man'] }, 'introducers.person'],
    ['a form listed twice', { ...intro, malware: ['backdoor', 'implant', 'backdoor'] }, 'introducers.malware.2'],
    ['a join word listed twice', { ...intro, joins: ['and', 'or', 'and'] }, 'introducers.joins.2'],
    ['an empty join word', { ...intro, joins: ['and', ''] }, 'introducers.joins.1'],
  ])('%s', (_label, introducers, field) => {
    const r = checkLexiconFile('en.json', { ...en, introducers });
    expect(r.problems.map((p) => [p.file, p.field])).toContainEqual(['en.json', field]);
  });

  test('a language file without introducers fails; the loanword file needs none', () => {
    const { introducers: _dropped, ...rest } = en;
    expect(checkLexiconFile('en.json', rest).problems).toContainEqual(
      expect.objectContaining({ file: 'en.json', field: 'introducers' }),
    );
    expect(checkLexiconFile('intl.json', raw('intl')).problems).toEqual([]);
  });
});
