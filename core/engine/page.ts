/**
 * The page half of the analysis: everything that needs the DOM. It finds the article region,
 * reads its text once, and measures a few structural facts; the text half (analyze.ts:
 * matcher, context rules, verdict) needs only the result, so it can run anywhere (in the
 * extension's background, off the page's main thread). Imports only DOM-side modules: it is
 * bundled into the script injected into article pages.
 */
import { isProbablyArticle } from './gate';
import { declaredLang, publishedDate } from './page-meta';
import { collectTextSteps, findRegionSteps, linkDensity, locate, type RegionText } from './region';
import type { Mention } from './types';

/** Structural facts about the page that the verdict uses to tell one article from hubs and records. */
export interface PageFacts {
  /** The cheap gate (Readability's isProbablyReaderable) passed. */
  gatePassed: boolean;
  /** The document title says "not found". */
  notFoundTitle: boolean;
  /** The region is the whole body and most of its text is links. */
  linkHeavyBody: boolean;
  /**
   * Product or shopping-cart markup. Looked for only when the region is short (under 3,000
   * non-space characters), the only case where the verdict uses it; false otherwise.
   */
  store: boolean;
  /** Forum or comment markup without article markup. */
  forum: boolean;
  /** og:type website (or none) and a canonical address that is a site's root. */
  home: boolean;
  /** Character counts from the text walk (see RegionText). */
  linkChars: number;
  solidChars: number;
  paragraphChars: number;
  structuredChars: number;
  fieldChars: number;
}

/** What the text half needs: the title line, then the region's text, and the facts. */
export interface PageText {
  text: string;
  /** Characters of `text` before the region's own text (the title line). */
  titleEnd: number;
  facts: PageFacts;
  /** The article's publication date (YYYY-MM-DD) from its metadata, when it has one. */
  published?: string;
  /** The language the page declares (<html lang>), a hint for the detector. */
  declaredLang?: string;
}

/** A mention as offsets in PageText.text (what the text half returns). */
export interface TextMention {
  id: string;
  start: number;
  end: number;
}

/** Regions at least this long are never judged as store pages (see analyze.ts). */
export const STORE_CHECK_CHARS = 3000;

/** Longest text handed on for analysis; a real article is far shorter. */
export const MAX_TEXT = 1_000_000;

const NOT_FOUND = /\b(404|page not found|not found)\b|页面不存在|找不到/i;
const PRODUCT =
  '[itemtype*="schema.org/Product"], [itemtype*="schema.org/Offer"], [itemprop="price"], meta[property="og:type"][content="product"], meta[property="product:price:amount"]';
const CART = '[class*="-cart"], [class*="cart-"], [class*="_cart"], [class*="cart_"], [id*="cart"]';
const PRICE = '[class*="price"], [id*="price"]';
const FORUM =
  '[itemtype*="DiscussionForumPosting"], [itemtype*="schema.org/Comment"], shreddit-comment, [data-testid="comment"]';
const ARTICLE_MARKUP = '[itemtype*="NewsArticle"], [itemtype*="schema.org/Article"], [itemtype*="BlogPosting"]';

function isHomePage(doc: Document): boolean {
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.toLowerCase() ?? '';
  if (ogType !== 'website' && ogType !== '') return false;
  const url =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    '';
  // A site's root address is its home page.
  return /^https?:\/\/[^/]+\/?(index\.html?)?([?#].*)?$/i.test(url);
}

export function pageFacts(doc: Document, root: Element, region: RegionText, gatePassed: boolean): PageFacts {
  return {
    gatePassed,
    notFoundTitle: NOT_FOUND.test(doc.title ?? ''),
    linkHeavyBody: root === doc.body && linkDensity(root) > 0.35,
    store:
      region.solidChars < STORE_CHECK_CHARS &&
      (doc.querySelector(PRODUCT) !== null || (doc.querySelector(CART) !== null && doc.querySelector(PRICE) !== null)),
    forum: doc.querySelector(FORUM) !== null && doc.querySelector(ARTICLE_MARKUP) === null,
    home: isHomePage(doc),
    linkChars: region.linkChars,
    solidChars: region.solidChars,
    paragraphChars: region.paragraphChars,
    structuredChars: region.structuredChars,
    fieldChars: region.fieldChars,
  };
}

/**
 * Reads the page: region, text, facts. Yields between steps so a driver can slice the work.
 * `gatePassed` is the content script's verdict when it already ran the cheap gate (or the reader
 * asked for the page); the check runs here only when it is not given.
 */
export function* readPageSteps(
  doc: Document,
  gatePassed?: boolean,
): Generator<void, { region: RegionText; page: PageText }> {
  if (gatePassed === undefined) {
    gatePassed = isProbablyArticle(doc);
    yield;
  }
  const root = (yield* findRegionSteps(doc)) ?? doc.body ?? doc.documentElement;
  const region = yield* collectTextSteps(root, doc.title ?? '');
  const text = region.text.length > MAX_TEXT ? region.text.slice(0, MAX_TEXT) : region.text;
  const page: PageText = { text, titleEnd: region.titleEnd, facts: pageFacts(doc, root, region, gatePassed) };
  const published = publishedDate(doc);
  const lang = declaredLang(doc);
  if (published) page.published = published;
  if (lang) page.declaredLang = lang;
  return { region, page };
}

/** Maps mentions found in the region's text back to the page's text nodes. */
export function placeMentions(region: RegionText, found: readonly TextMention[]): Mention[] {
  const out: Mention[] = [];
  for (const f of found) {
    if (f.start < region.titleEnd || f.end <= f.start) continue;
    const start = locate(region, f.start);
    const last = locate(region, f.end - 1);
    if (!start || !last) continue;
    const m: Mention = {
      id: f.id,
      text: region.text.slice(f.start, f.end),
      start: f.start,
      end: f.end,
      node: start.node,
      nodeStart: start.offset,
      nodeEnd: last.node === start.node ? last.offset + 1 : start.length,
    };
    if (last.node !== start.node) {
      m.endNode = last.node;
      m.endNodeOffset = last.offset + 1;
    }
    out.push(m);
  }
  return out;
}
