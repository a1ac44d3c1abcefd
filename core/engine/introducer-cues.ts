/**
 * The words that introduce a new name in an article, per language (each lexicon's `introducers`),
 * compiled once per language into one expression per case: which role each match plays (a kind
 * word: malware, group, campaign; a naming word before the name; a naming word after it). Pure.
 */
import type { IntroducedKind } from '../page-state';
import type { Introducers, LexiconFile } from './lexicon';

export interface Span {
  start: number;
  end: number;
}

export type Role = IntroducedKind | 'naming' | 'nameFirst';
export interface Cue extends Span {
  role: Role;
}

export interface CompiledIntroducers {
  /** Text in this language writes names in another script (Latin names stand out). */
  foreignScript: boolean;
  cues(text: string): Cue[];
  /** Words joining two names of a list, lower case ("and", "和"). */
  joins: ReadonlySet<string>;
}

export const ROLES: readonly Role[] = ['malware', 'group', 'campaign', 'naming', 'nameFirst'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Letters of the Latin, Greek and Cyrillic scripts and digits: a word form ends where they end.
const WORD = 'A-Za-z0-9_\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0370-\\u03FF\\u1F00-\\u1FFF\\u0400-\\u04FF';
const isSpacedScript = (form: string) =>
  /^[\s\-'’\u0020-\u024F\u1E00-\u1EFF\u0370-\u03FF\u1F00-\u1FFF\u0400-\u04FF]+$/.test(form);

function formSource(raw: string): string {
  const prefix = raw.endsWith('*');
  const form = raw.replace(/\*$/, '');
  const body = escape(form).replace(/ /g, '\\s+');
  // Words of scripts written without spaces (or with particles glued on) match anywhere.
  if (!isSpacedScript(form)) return body;
  const start = /^[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF\u0370-\u03FF\u1F00-\u1FFF\u0400-\u04FF]/.test(form)
    ? `(?<![${WORD}])`
    : '';
  return `${start}${body}${prefix ? `[${WORD}]*` : `(?![${WORD}])`}`;
}

/** Languages whose own script is not Latin: a name in Latin letters stands out there. */
const FOREIGN_SCRIPT = new Set(['zh', 'ja', 'ko', 'ru', 'uk', 'ar', 'fa', 'he', 'hi', 'th', 'el']);

export function compileIntroducers(lang: string, words: Introducers): CompiledIntroducers {
  const exprs: { roles: Role[]; re: RegExp }[] = [];
  // One pass for the forms of every role, one for the acronyms in capitals ("RAT", "APT"); the role
  // is the group that matched, each role's forms longest first.
  for (const exact of [false, true]) {
    const roles: Role[] = [];
    const groups: string[] = [];
    for (const role of ROLES) {
      const forms = (words[role] ?? []).filter((f) => /\p{Lu}/u.test(f) === exact).sort((a, b) => b.length - a.length);
      if (forms.length === 0) continue;
      roles.push(role);
      groups.push(`(${forms.map(formSource).join('|')})`);
    }
    // Without the "u" flag: case folding of the Greek and Cyrillic ranges under "iu" costs tens of
    // milliseconds to compile in a fresh worker, and no form needs more than the BMP.
    if (groups.length) exprs.push({ roles, re: new RegExp(groups.join('|'), exact ? 'g' : 'gi') });
  }
  return {
    foreignScript: FOREIGN_SCRIPT.has(lang),
    joins: new Set((words.joins ?? []).map((j) => j.toLowerCase())),
    cues(text) {
      const out: Cue[] = [];
      for (const { roles, re } of exprs) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const g = m.findIndex((x, i) => i > 0 && x !== undefined);
          out.push({ role: roles[g - 1]!, start: m.index, end: m.index + m[0].length });
        }
      }
      return out.sort((a, b) => a.start - b.start || b.end - a.end);
    },
  };
}

/** The lexicon file that holds a detected language's words ("zh-Hans" → "zh"). */
const fileLang = (lang: string) => (lang.startsWith('zh') ? 'zh' : lang);

const COMPILED = new Map<string, CompiledIntroducers | null>();
/** The language's introducers, compiled on first use (null when its lexicon has none). */
export function introducersFor(lang: string, files: readonly LexiconFile[]): CompiledIntroducers | null {
  const key = fileLang(lang);
  let c = COMPILED.get(key);
  if (c === undefined) {
    const words = files.find((f) => f.lang === key)?.introducers;
    c = words ? compileIntroducers(key, words) : null;
    COMPILED.set(key, c);
  }
  return c;
}
