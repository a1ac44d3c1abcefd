import { describe, expect, test } from 'vitest';
import { buildLangProfiles } from '../../../core/engine/lang';
import { buildLexicon, DEFAULT_LEXICON_FILES, runtimeLexiconFile } from '../../../core/engine/lexicon';
import { LEXICON_FILES as SHIPPED } from '../../../.generated/lexicon-files';

describe('the lexicons as the extension runs them', () => {
  const runtime = DEFAULT_LEXICON_FILES.map(runtimeLexiconFile);

  test('give the same terms, weights and order as the full files', () => {
    expect(buildLexicon(runtime).terms).toEqual(buildLexicon(DEFAULT_LEXICON_FILES).terms);
  });

  test('give the language detector the same profiles', () => {
    expect(buildLangProfiles(runtime)).toEqual(buildLangProfiles(DEFAULT_LEXICON_FILES));
  });

  test('keep one surface form per term, so they are much smaller', () => {
    for (const f of runtime) for (const t of f.terms) expect(t.texts.length).toBeLessThanOrEqual(1);
    expect(JSON.stringify(runtime).length).toBeLessThan(JSON.stringify(DEFAULT_LEXICON_FILES).length / 4);
  });

  test('the generated module the build bundles is the same data, in the same order', () => {
    expect(Object.values(SHIPPED)).toEqual(runtime);
  });
});
