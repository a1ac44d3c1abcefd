/**
 * References in words: an entry's cue set is a list of term groups that must all appear within
 * one paragraph ("CNCERT" + "Russia" + "Ukraine" + "Belarus"), each group listing alternative forms
 * in any language. A form ending in "*" matches the start of a word ("indict*"). Pure; the cue
 * sets are compiled from the knowledge base at build time (see compileCueSets).
 */
import type { Entry } from '../kb/schema';
import { CLS_WORD, caseFold, charClasses, foldString } from './chars';

export interface CompiledCueSet {
  id: string;
  /** Per group, its folded forms; a trailing "*" marks a prefix form. */
  groups: string[][];
}

export interface FoundReference {
  id: string;
  /** The words that matched, as written in the text, one per group. */
  words: string[];
  /** Where the paragraph starts in the text. */
  at: number;
}

export function compileCueSets(entries: readonly Entry[]): CompiledCueSet[] {
  const out: CompiledCueSet[] = [];
  for (const e of entries)
    for (const set of e.cueSets ?? [])
      out.push({ id: e.id, groups: set.terms.map((g) => g.map((f) => foldString(f, true))) });
  return out;
}

/** Case- and width-folded text of the same length, so offsets stay those of the text. */
function foldKeepingOffsets(text: string, table: Uint16Array): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(table[text.charCodeAt(i)]!);
  return out;
}

function findForm(para: string, form: string, cls: Uint8Array): number {
  const prefix = form.endsWith('*');
  const f = prefix ? form.slice(0, -1) : form;
  if (f.length === 0) return -1;
  const wordStart = cls[f.charCodeAt(0)] === CLS_WORD;
  const wordEnd = cls[f.charCodeAt(f.length - 1)] === CLS_WORD;
  for (let i = para.indexOf(f); i >= 0; i = para.indexOf(f, i + 1)) {
    if (wordStart && i > 0 && cls[para.charCodeAt(i - 1)] === CLS_WORD) continue;
    const j = i + f.length;
    if (!prefix && wordEnd && j < para.length && cls[para.charCodeAt(j)] === CLS_WORD) continue;
    return i;
  }
  return -1;
}

/** Every cue set whose groups all appear in one paragraph (lines of `text`); one result per entry. */
export function findReferences(text: string, sets: readonly CompiledCueSet[]): FoundReference[] {
  if (sets.length === 0) return [];
  const cls = charClasses();
  const table = caseFold();
  const found = new Map<string, FoundReference>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > 20) {
      const raw = text.slice(start, end);
      const para = foldKeepingOffsets(raw, table);
      for (const set of sets) {
        if (found.has(set.id)) continue;
        const words: string[] = [];
        for (const group of set.groups) {
          let hit = -1;
          let len = 0;
          for (const form of group) {
            hit = findForm(para, form, cls);
            if (hit >= 0) {
              len = form.endsWith('*') ? wordLength(para, hit, cls) : form.length;
              break;
            }
          }
          if (hit < 0) break;
          words.push(raw.slice(hit, hit + len));
        }
        if (words.length === set.groups.length) found.set(set.id, { id: set.id, words, at: start });
      }
    }
    start = end + 1;
  }
  return [...found.values()];
}

function wordLength(s: string, at: number, cls: Uint8Array): number {
  let j = at;
  while (j < s.length && cls[s.charCodeAt(j)] === CLS_WORD) j++;
  return Math.max(1, j - at);
}
