/**
 * Sentence helpers for composed summaries (compose.ts writes the sentences, in our own words,
 * never a data set's description). Pure module.
 */
const MAX = 320;

/** "A", "A and B", "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Adds sentences while they fit in the summary limit (the first always fits, cut if it must). */
export function fitSentences(sentences: readonly string[], max = MAX): string {
  let out = '';
  for (const s of sentences) {
    const next = out ? `${out} ${s}` : s;
    if (next.length <= max) out = next;
    else if (!out) out = `${s.slice(0, max - 1).trimEnd()}…`;
  }
  return out;
}
