/**
 * Cross-entry rules for the fields the naming atlas added: typed links and topic members must point
 * at entries that exist, and translated names must cite where they are seen in use. (Disputed
 * aliases may be shared between entries: validate.ts leaves them out of the shared-alias rule,
 * as the matcher matches them for one entry only, by the rule in disputed.ts.) Pure module.
 */
import { TRANSLATED_LANGS, type Entry } from './schema';
import type { KbProblem } from './validate';

export function linkProblems(
  entries: readonly { file: string; entry: Entry }[],
  ids: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): KbProblem[] {
  const problems: KbProblem[] = [];
  for (const { file, entry } of entries) {
    const p = (field: string, message: string) => problems.push({ file, id: entry.id, field, message });
    (entry.links ?? []).forEach((l, i) => {
      if (l.id === entry.id) p(`links.${i}.id`, 'an entry cannot link to itself');
      else if (!ids.has(l.id)) p(`links.${i}.id`, `unknown linked id "${l.id}"`);
    });
    (entry.members ?? []).forEach((m, i) => {
      if (m === entry.id) p(`members.${i}`, 'a topic cannot list itself');
      else if (!ids.has(m)) p(`members.${i}`, `unknown member id "${m}"`);
    });
    entry.aliases.forEach((a, i) => {
      if (TRANSLATED_LANGS.includes(a.lang) && !a.source)
        p(`aliases.${i}.source`, `a "${a.lang}" name needs a source: an https page that shows it in use`);
    });
  }
  return problems;
}
