/**
 * A grown knowledge base for the benchmark: today's entries repeated with numbered ids and
 * names, so each copy is distinct and none of them matches real text. Used by `npm run bench`
 * (a build with SPYGLASS_BENCH_ENTRIES=5000) and the matcher's start-up figure. Never shipped.
 */
import type { Entry } from '../core/kb/schema';

export function growEntries(entries: readonly Entry[], total: number): Entry[] {
  const out: Entry[] = [...entries];
  for (let c = 1; out.length < total && entries.length > 0; c++)
    for (const e of entries) {
      if (out.length >= total) break;
      out.push({
        ...e,
        id: `${e.id}-x${c}`,
        name: `${e.name} ${c}x`,
        aliases: e.aliases.map((a) => ({ ...a, text: `${a.text} ${c}x${out.length}` })),
      });
    }
  return out;
}

/** The size asked for by SPYGLASS_BENCH_ENTRIES, if set (a positive whole number, else an error). */
export function benchEntriesFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SPYGLASS_BENCH_ENTRIES;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`SPYGLASS_BENCH_ENTRIES: expected a positive whole number, got "${raw}"`);
  return n;
}
