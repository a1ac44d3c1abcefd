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
  const nodes = doc.querySelectorAll('p, pre, article, [itemprop~="articleBody"], div > br');
  let score = 0;
  const seen = new Set<Element>();
  for (let i = 0; i < nodes.length; i++) {
    let node = nodes[i]!;
    if (node.tagName === 'BR') {
      const parent = node.parentElement;
      if (!parent || seen.has(parent)) continue;
      node = parent;
    }
    if (seen.has(node)) continue;
    seen.add(node);
    if (!isVisible(node)) continue;
    const matchString = `${node.className} ${node.id}`;
    if (UNLIKELY.test(matchString) && !MAYBE.test(matchString)) continue;
    if (node.matches('li p')) continue;
    const text = node.textContent ?? '';
    let length = text.trim().length;
    // A CJK character carries about what three Latin ones do.
    if (CJK.test(text.slice(0, 40))) length *= 3;
    if (length < minLength) continue;
    score += Math.sqrt(length - minLength);
    if (score > minScore) return true;
  }
  return false;
}
