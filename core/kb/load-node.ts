/** Reads the knowledge-base source files from disk (Node only: scripts and tests). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALIASES_DIR, ATLAS_DIR, mergeLayers, type LayerFiles } from './layers';
import type { KbFile } from './validate';

export const KB_DIR = 'assets/kb';

/**
 * The entry files validateKb checks. By default the three layers merged (hand-written entries,
 * the imported atlas, translated names; see layers.ts); with `dir`, only the files of that folder.
 */
export function readKbFiles(root = process.cwd(), dir?: string): KbFile[] {
  if (dir !== undefined) return readJsonDir(root, dir);
  return mergeLayers(readLayerFiles(root)).files;
}

/** The three layers as they are on disk. */
export function readLayerFiles(root = process.cwd()): LayerFiles {
  return {
    hand: readJsonDir(root, KB_DIR),
    atlas: readJsonDir(root, ATLAS_DIR),
    aliases: readJsonDir(root, ALIASES_DIR),
  };
}

/** Every .json file under a folder (sorted, recursive); a missing folder gives none. */
export function readJsonDir(root: string, dir: string): KbFile[] {
  const files: KbFile[] = [];
  if (!existsSync(join(root, dir))) return files;
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
