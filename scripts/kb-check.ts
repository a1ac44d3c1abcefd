/** Validates the knowledge base and prints a one-line verdict (used by contributors). */
import { readKbFiles } from '../core/kb/load-node';
import { KbValidationError, validateKb } from '../core/kb/validate';

const today = new Date().toISOString().slice(0, 10);
try {
  const entries = validateKb(readKbFiles(), { today });
  console.log(`knowledge base OK: ${entries.length} entries`);
} catch (err) {
  if (err instanceof KbValidationError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
