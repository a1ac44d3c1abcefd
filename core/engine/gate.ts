/**
 * The cheap gate run before any real work, after Readability's
 * isProbablyReaderable: one querySelectorAll, hidden and unlikely nodes
 * skipped, a running score that returns as soon as it passes.
 * Imports nothing: it goes into the smallest content-script bundle.
 */

const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const MAX_DIVS = 2000;
/** Characters of own text a div must start with to be read as a paragraph (CJK: a third). */
const DIV_LEAD = 40;

export interface GateOptions {
  /** Characters a paragraph needs before it counts (Latin script). */
  minContentLength?: number;
  /** Score at which the page passes. */
  minScore?: number;
}

function isVisible(el: Element): boolean {
  if (el.hasAttribute('hidden')) return false;
  if (el.getAttribute('aria-hidden') === 'true') return false;
  const style = el.getAttribute('style');
  return !(style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style));
}

export function isProbablyArticle(doc: Document, options: GateOptions = {}): boolean {
  const minLength = options.minContentLength ?? 140;
  const minScore = options.minScore ?? 20;
  let score = 0;
  const seen = new Set<Element>();
  /** Adds one candidate's score; true once the page passes. */
  const consider = (node: Element): boolean => {
    if (seen.has(node)) return false;
    seen.add(node);
    const text = node.textContent ?? '';
    // Cheapest test first: on pages that are not articles most candidates are short.
    if (text.length * 3 < minLength) return false;
    let length = text.trim().length;
    // A CJK character carries about what three Latin ones do.
    if (CJK.test(text.slice(0, 40))) length *= 3;
    if (length < minLength) return false;
    if (!isVisible(node)) return false;
    const matchString = `${node.className} ${node.id}`;
    if (UNLIKELY.test(matchString) && !MAYBE.test(matchString)) return false;
    // (`template` content is never in a browser's collections, but some DOM emulations list it.)
    if (node.matches('li p, template *')) return false;
    score += Math.sqrt(length - minLength);
    return score > minScore;
  };
  // Readability's candidates (p, pre, article, [itemprop~="articleBody"], the div holding a
  // <br>), visited by kind: tag-name collections are far cheaper than one selector query, and
  // the set (hence the verdict) is the same in any order.
  for (const tag of ['p', 'pre', 'article']) {
    const list = doc.getElementsByTagName(tag);
    for (let i = 0; i < list.length; i++) if (consider(list[i]!)) return true;
  }
  const brs = doc.getElementsByTagName('br');
  for (let i = 0; i < brs.length; i++) {
    const parent = brs[i]!.parentElement;
    if (parent?.localName === 'div' && consider(parent)) return true;
  }
  const bodies = doc.querySelectorAll('[itemprop~="articleBody"]');
  for (let i = 0; i < bodies.length; i++) if (consider(bodies[i]!)) return true;
  // Sites that write their prose in divs: a div that starts with a run of its own text counts as
  // a paragraph. Only the first MAX_DIVS are looked at, and most are ruled out by one property read.
  const divs = doc.getElementsByTagName('div');
  for (let i = 0; i < divs.length && i < MAX_DIVS; i++) {
    const div = divs[i]!;
    const first = div.firstChild;
    if (first?.nodeType === 3 && (first as Text).data.length >= DIV_LEAD && div.parentElement?.localName !== 'li')
      if (consider(div)) return true;
  }
  return false;
}
