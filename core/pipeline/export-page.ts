/**
 * A saved page exported as the popup exports it (Markdown or a STIX 2.1 bundle), in Node: the
 * export CLI's whole work, callable from tests. The knowledge base comes from the source files
 * (as `npm run classify` reads it), compiled into the same matcher and cue sets the build makes.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeHtml, loadKbForNode, matcherForEntries, parseHtmlDocument } from '../engine/node-support';
import { indexEvents } from '../engine/event-score';
import { compileCueSets } from '../engine/references';
import { toEventRecords } from '../kb/compile';
import { articleContext, articleTimelineFor, type ArticleContext } from '../export/context';
import { toMarkdown } from '../export/markdown';
import { toStixBundle } from '../export/stix';
import { kbMeta } from '../kb/meta';
import type { Entry } from '../kb/schema';
import { PATTERN_INFO } from '../naming/pattern-info';
import type { PageState } from '../page-state';
import type { ReplyKb } from './analyze-reply';
import { readDocumentState, statedUrl } from './read-document';

export interface NodeKb extends ReplyKb {
  entries: ReadonlyMap<string, Entry>;
  /** The newest "as of" date of the knowledge base. */
  asOf: string;
}

export function nodeKb(root = process.cwd()): NodeKb {
  const { entries } = loadKbForNode(root);
  const byId = new Map(entries.map((e) => [e.id, e]));
  return {
    entries: byId,
    asOf: kbMeta(entries).newestAsOf,
    matcher: matcherForEntries(entries),
    kinds: new Map(entries.map((e) => [e.id, e.kind])),
    cueSets: compileCueSets(entries),
    eventById: (id) => byId.get(id),
    events: indexEvents(toEventRecords(entries)),
  };
}

export interface PageExport {
  state: PageState;
  context: ArticleContext;
}

/**
 * Reads a saved page and gathers what its export holds. The article's address is `url`, else
 * the page's canonical link or og:url, else the file's own file: address.
 */
export function readSavedPage(bytes: Uint8Array, file: string, kb: NodeKb, url?: string): PageExport {
  const doc = parseHtmlDocument(decodeHtml(bytes));
  const state = readDocumentState(doc, url ?? statedUrl(doc) ?? pathToFileURL(resolve(file)).href, kb);
  return { state, context: articleContext(state, kb.entries, articleTimelineFor(state, kb.entries), PATTERN_INFO) };
}

export function exportText(context: ArticleContext, format: 'stix' | 'md', kbAsOf: string): string {
  return format === 'md'
    ? toMarkdown(context, { kbAsOf })
    : `${JSON.stringify(toStixBundle(context, { kbAsOf }), null, 2)}\n`;
}
