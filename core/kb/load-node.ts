/** Reads the knowledge-base source files from disk (Node only: scripts and tests). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { KbFile } from './validate';

export const KB_DIR = 'assets/kb';

export function readKbFiles(root = process.cwd(), dir = KB_DIR): KbFile[] {
  const files: KbFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json')) {
        const file = relative(root, full);
        try {
          files.push({ file, data: JSON.parse(readFileSync(full, 'utf8')) as unknown });
        } catch (err) {
          files.push({ file, data: null, parseError: (err as Error).message });
        }
      }
    }
  };
  walk(join(root, dir));
  return files;
}
