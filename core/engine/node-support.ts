/**
 * Node-only helpers for scripts and tests: load the knowledge base (tolerating
 * entries still being written), parse saved HTML with its real encoding.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { parseHTML } from 'linkedom';
import { toMatcherPatterns } from '../kb/compile';
import { readKbFiles } from '../kb/load-node';
import { EntrySchema, type Entry } from '../kb/schema';
import { KbValidationError, validateKb, type KbFile } from '../kb/validate';
import { buildMatcherData } from './analyze';
import { loadMatcher, type Matcher } from './matcher';

export interface LoadedKb {
  entries: Entry[];
  /** Problems found while the KB is incomplete (cross-entry rules); empty when it validates. */
  warnings: string[];
}

/**
 * The validated KB; if cross-entry rules fail (say, a related id not written
 * yet), falls back to every entry that passes the schema on its own.
 */
export function loadKbForNode(root = process.cwd()): LoadedKb {
  const files = readKbFiles(root);
  const today = new Date().toISOString().slice(0, 10);
  try {
    return { entries: validateKb(files, { today }), warnings: [] };
  } catch (err) {
    if (!(err instanceof KbValidationError)) throw err;
    return {
      entries: schemaValidEntries(files),
      warnings: err.problems.map((p) => `${p.file} [${p.id}] ${p.field}: ${p.message}`),
    };
  }
}

/** Every entry that passes the schema on its own (the KB may be mid-edit), the first one per id. */
export function schemaValidEntries(files: readonly KbFile[]): Entry[] {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const r = v.safeParse(EntrySchema, f.data);
    if (r.success && !seen.has(r.output.id)) {
      seen.add(r.output.id);
      entries.push(r.output);
    }
  }
  return entries;
}

export function matcherForEntries(entries: readonly Entry[]): Matcher {
  return loadMatcher(buildMatcherData(toMatcherPatterns(entries)));
}

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** Decodes saved HTML: UTF-8 when the bytes are valid UTF-8, else the declared charset. */
export function decodeHtml(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = CHARSET.exec(head)?.[1]?.toLowerCase();
    try {
      return new TextDecoder(declared ?? 'windows-1252').decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
}

export function parseHtmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function readHtmlDocument(path: string): Document {
  return parseHtmlDocument(decodeHtml(readFileSync(path)));
}
