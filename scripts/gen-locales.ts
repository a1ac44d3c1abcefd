/** Writes public/_locales/{en,zh_CN}/messages.json from core/i18n/strings.ts (one source of truth). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STRINGS } from '../core/i18n/strings';

for (const [dir, idx] of [
  ['en', 0],
  ['zh_CN', 1],
] as const) {
  const messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = {};
  for (const [key, pair] of Object.entries(STRINGS)) {
    // Browser i18n uses $name$ placeholders; our $1 style maps onto them.
    const text = pair[idx];
    const nums = [...new Set([...text.matchAll(/\$(\d)/g)].map((m) => m[1]!))];
    messages[key] = {
      message: nums.reduce((t, n) => t.replaceAll(`$${n}`, `$p${n}$`), text),
      ...(nums.length ? { placeholders: Object.fromEntries(nums.map((n) => [`p${n}`, { content: `$${n}` }])) } : {}),
    };
  }
  const out = join('public', '_locales', dir);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'messages.json'), JSON.stringify(messages, null, 2) + '\n');
}
console.log('locales written');
