/**
 * Exports a saved page as the popup does: Markdown or a STIX 2.1 bundle, printed to stdout.
 *   npm run export -- page.html --format stix|md [--url https://…]
 * The page is read and analysed by the same code as the extension (core/pipeline), with the
 * default settings, as when the reader asks "Analyse this page". The article's address is
 * --url, else the page's canonical link or og:url, else the file's own file: address.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeHtml, loadKbForNode, matcherForEntries, parseHtmlDocument } from '../core/engine/node-support';
import { compileCueSets } from '../core/engine/references';
import { articleContext, articleTimelineFor } from '../core/export/context';
import { toMarkdown } from '../core/export/markdown';
import { toStixBundle } from '../core/export/stix';
import { kbMeta } from '../core/kb/meta';
import type { Entry } from '../core/kb/schema';
import { PATTERN_INFO } from '../core/naming/pattern-info';
import { readDocumentState, statedUrl } from '../core/pipeline/read-document';

const USAGE = 'usage: npm run export -- <page.html> --format stix|md [--url <address>]';

function parseArgs(argv: string[]): { file: string; format: 'stix' | 'md'; url?: string } {
  const args = argv.filter((a) => a !== '--');
  let file: string | undefined;
  let format: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format') format = args[++i];
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--url') url = args[++i];
    else if (a.startsWith('--url=')) url = a.slice('--url='.length);
    else if (!a.startsWith('--') && file === undefined) file = a;
    else throw new Error(`unexpected argument: ${a}`);
  }
  if (!file) throw new Error('no page given');
  if (format !== 'stix' && format !== 'md') throw new Error('--format must be stix or md');
  return { file, format, ...(url ? { url } : {}) };
}

function main(): void {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const doc = parseHtmlDocument(decodeHtml(readFileSync(opts.file)));
  const { entries } = loadKbForNode();
  const byId = new Map<string, Entry>(entries.map((e) => [e.id, e]));
  const state = readDocumentState(doc, opts.url ?? statedUrl(doc) ?? pathToFileURL(resolve(opts.file)).href, {
    matcher: matcherForEntries(entries),
    kinds: new Map(entries.map((e) => [e.id, e.kind])),
    cueSets: compileCueSets(entries),
    eventById: (id) => byId.get(id),
  });
  const ctx = articleContext(state, byId, articleTimelineFor(state, byId), PATTERN_INFO);
  const kbAsOf = kbMeta(entries).newestAsOf;
  process.stdout.write(
    opts.format === 'md' ? toMarkdown(ctx, { kbAsOf }) : `${JSON.stringify(toStixBundle(ctx, { kbAsOf }), null, 2)}\n`,
  );
}

main();
