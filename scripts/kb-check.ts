/** Validates the knowledge base and prints a one-line verdict (used by contributors). */
import { readKbFiles } from '../core/kb/load-node';
import { KbValidationError, validateKb } from '../core/kb/validate';
import { UnreachableEntriesError, assertReachable } from '../core/kb/reachability';

const today = new Date().toISOString().slice(0, 10);
try {
  const entries = validateKb(readKbFiles(), { today });
  assertReachable(entries);
  console.log(`knowledge base OK: ${entries.length} entries`);
} catch (err) {
  if (err instanceof KbValidationError || err instanceof UnreachableEntriesError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
