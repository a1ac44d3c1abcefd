/**
 * Validation of the cue-word lexicon files (assets/lexicon/<lang>.json). A broken record fails the
 * build with the file, the term's index and the field named. Build-time only (Node scripts, tests).
 */
import * as v from 'valibot';
import { LANGS } from '../kb/schema';
import type { LexiconFile } from './lexicon';

const weight = v.pipe(v.number(), v.minValue(0, 'must be ≥ 0'), v.maxValue(5, 'must be ≤ 5'));

const TermSchema = v.strictObject({
  texts: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.nonEmpty('a form must not be empty'))),
    v.minLength(1, 'needs at least one form'),
  ),
  c: v.optional(weight),
  s: v.optional(weight),
  p: v.optional(weight),
  group: v.optional(v.pipe(v.string(), v.nonEmpty('group must not be empty'))),
  prefix: v.optional(v.boolean()),
  caseSensitive: v.optional(v.boolean()),
  /** Why the term is here, for reviewers (not used by the engine). */
  note: v.optional(v.string()),
});

const namingForms = v.array(v.pipe(v.string(), v.trim(), v.nonEmpty('a form must not be empty')));
const introducerForms = (what: string) => v.pipe(namingForms, v.minLength(1, `needs at least one ${what}`));

/**
 * Words that introduce a name the knowledge base may not know (core/engine/introduced-names.ts):
 * what the name is (`malware`, `group`, `campaign`) and the words of naming ("dubbed", "名为"), with
 * the name after them (`naming`) or before them (`nameFirst`: "と呼ばれる", "adlı", "nevű"). Lower
 * case unless the form is an acronym written in capitals ("RAT", "APT"), which is matched in that case;
 * a form ending in "*" also matches the longer words it starts. `joins` are the words of a list of
 * names ("SEAWEED and CACHEMONEY backdoors"), lower case as written between the names.
 */
export const IntroducersSchema = v.pipe(
  v.strictObject({
    malware: introducerForms('malware word'),
    group: introducerForms('group word'),
    campaign: introducerForms('campaign word'),
    naming: namingForms,
    nameFirst: v.optional(namingForms),
    /** Words that join two names of a list ("and", "or", "和"); a comma always joins. */
    joins: v.optional(namingForms),
  }),
  v.check(
    (i) => i.naming.length + (i.nameFirst?.length ?? 0) > 0,
    'needs at least one naming word (in naming or nameFirst)',
  ),
);

const FileSchema = v.strictObject({
  /** "zh" covers Simplified and Traditional forms; other files use a LANGS tag. */
  lang: v.union([v.literal('zh'), v.picklist(LANGS)]),
  /** Frequent function words, for the language detector (lower case). */
  stopwords: v.optional(v.array(v.pipe(v.string(), v.nonEmpty()))),
  /** Letters that tell this language apart from others of its script (Cyrillic і/ї/є/ґ for Ukrainian). */
  distinctive: v.optional(v.string()),
  terms: v.pipe(v.array(TermSchema), v.minLength(1, 'needs at least one term')),
  /**
   * Words the article brief reads (core/engine/brief.ts): `accuse` are the verbs and phrases of
   * accusing, attributing, blaming, charging and sanctioning whose subject is the accuser ("accused",
   * "beschuldigte", "指责"); `deny` are those of a response or denial ("denied", "wies zurück", "否认").
   * Lower case, as the press writes them (inflected forms listed, or `prefix`-style stems ending in "*").
   */
  claims: v.optional(
    v.strictObject({
      accuse: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.nonEmpty())), v.minLength(1, 'needs at least one form')),
      deny: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.nonEmpty())), v.minLength(1, 'needs at least one form')),
    }),
  ),
  introducers: v.optional(IntroducersSchema),
});

export interface LexiconProblem {
  file: string;
  field: string;
  message: string;
}

export function checkLexiconFile(file: string, data: unknown): { file?: LexiconFile; problems: LexiconProblem[] } {
  const r = v.safeParse(FileSchema, data);
  if (r.success) {
    const problems: LexiconProblem[] = [];
    r.output.terms.forEach((t, i) => {
      if (t.p !== undefined && t.p > 0 && !t.group)
        problems.push({ file, field: `terms.${i}.group`, message: 'a penalty term needs a group' });
      if ((t.c ?? 0) + (t.s ?? 0) + (t.p ?? 0) === 0)
        problems.push({ file, field: `terms.${i}`, message: 'term has no weight (c, s or p)' });
    });
    // Every language's file has introducer words (the "intl" file of loanwords is no language).
    if (r.output.lang !== 'other' && !r.output.introducers)
      problems.push({ file, field: 'introducers', message: 'a language file needs introducer words' });
    const intro = r.output.introducers;
    if (intro)
      for (const [key, forms] of Object.entries(intro)) {
        const seen = new Set<string>();
        forms.forEach((form, i) => {
          if (seen.has(form))
            problems.push({ file, field: `introducers.${key}.${i}`, message: `"${form}" is listed twice` });
          seen.add(form);
        });
      }
    return { file: r.output as LexiconFile, problems };
  }
  return {
    problems: r.issues.map((i) => ({ file, field: v.getDotPath(i) ?? '(file)', message: i.message })),
  };
}
