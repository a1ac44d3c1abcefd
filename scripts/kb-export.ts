/**
 * Writes the whole validated knowledge base as one JSON array of entries, every field
 * included (schema defaults filled in), for reviewers and other tools.
 *   npx tsx scripts/kb-export.ts <file.json>
 * Exit codes: 0 written, 1 the knowledge base is invalid, 2 bad arguments.
 */
import { writeFileSync } from 'node:fs';
import { readKbFiles } from '../core/kb/load-node';
import { KbValidationError, validateKb } from '../core/kb/validate';

const USAGE = 'usage: npx tsx scripts/kb-export.ts <file.json>';

const args = process.argv.slice(2).filter((a) => a !== '--');
const out = args[0];
if (args.length !== 1 || out === undefined || out.startsWith('-') || !out.toLowerCase().endsWith('.json')) {
  console.error(USAGE);
  process.exit(2);
}

const today = new Date().toISOString().slice(0, 10);
try {
  const entries = validateKb(readKbFiles(), { today });
  writeFileSync(out, JSON.stringify(entries, null, 2) + '\n');
  console.log(`exported ${entries.length} entries -> ${out}`);
} catch (err) {
  if (err instanceof KbValidationError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
