/**
 * Finds the article region of a page and collects its visible prose, with a
 * map from character offsets back to Text nodes. Written as generators that
 * yield every few hundred nodes, so the async analysis can split huge pages
 * into short tasks; the sync callers just run them to the end.
 */

const ELEMENT = 1;
const TEXT = 3;

/** Never prose: navigation, chrome, code, forms and embedded objects. */
const SKIP_TAGS = new Set([
  'NAV',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'BUTTON',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'PRE',
  'CODE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'LABEL',
  'SVG',
  'svg',
  'MATH',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'MENU',
  'DIALOG',
  'HEAD',
  'TITLE',
  'LINK',
  'META',
]);
const SKIP_ROLES = new Set([
  'navigation',
  'complementary',
  'banner',
  'contentinfo',
  'dialog',
  'search',
  'menu',
  'menubar',
  'toolbar',
]);
const SKIP_CLASS =
  /(^|[\s_-])(comments?|comment-list|commentlist|disqus|replies|respond|social|share|sharing|related|sidebar|newsletter|promo|advert|ads?|breadcrumbs?|cookie|consent|subscribe|paywall|footer|masthead|navbar|menu)($|[\s_-])/i;
/** Class names that may contain a skip word but mark the content itself ("article-body has-sidebar"). */
const KEEP_CLASS = /article|body|content|main|story|post|entry|text/i;
/** Elements that end a line of text, so words of adjacent blocks never fuse. */
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'BR',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'BLOCKQUOTE',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'FIGURE',
  'FIGCAPTION',
  'HR',
  'TBODY',
  'THEAD',
  'CAPTION',
  'ADDRESS',
  'CENTER',
]);
/** Yield to the driver after this many nodes. */
const STEP = 256;

export interface RegionText {
  /** Title line (if any), then the region's text. */
  text: string;
  /** Text node of each segment; null for text that is not in the page body (the title). */
  nodes: (Text | null)[];
  /** Start offset of each segment in `text`, ascending. */
  starts: number[];
  /**
   * Length of each segment. Kept so mapping offsets back never reads a node's `data` again:
   * in Firefox every read of a text node's data from a content script copies the string, which
   * for a 5 MB node, once per mention, is gigabytes.
   */
  lengths: number[];
  /** Characters of `text` before the region's own text (the title line). */
  titleEnd: number;
  /** Characters of the region that sit inside links (for link density). */
  linkChars: number;
  /** Non-space characters of the region (title excluded). */
  solidChars: number;
  /** Non-space characters inside <p>: running prose. */
  paragraphChars: number;
  /** Non-space characters inside links, list items, table cells or definition lists (records, menus, catalogues). */
  structuredChars: number;
  /** Non-space characters inside table cells or definition lists (record fields). */
  fieldChars: number;
}

/** Elements whose text is a record field, a list entry or a link rather than prose. */
const STRUCTURED_TAGS = new Set(['A', 'LI', 'TD', 'TH', 'DD', 'DT']);
const FIELD_TAGS = new Set(['TD', 'TH', 'DD', 'DT']);

/**
 * Non-space code units in `s`. Skips every code unit the character tables class as space (and
 * control characters), so a text's size in analyze.ts's textSize() is never below this count.
 */
function solidLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0) continue;
    if (
      c >= 0x1680 &&
      (c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000)
    )
      continue;
    n++;
  }
  return n;
}

export function isSkippedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  // ASP.NET-style pages wrap the whole page in one <form>; only small forms are chrome.
  if (el.tagName === 'FORM' && (el.textContent ?? '').length < 2000) return true;
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  const role = el.getAttribute('role');
  if (role !== null && SKIP_ROLES.has(role)) return true;
  const style = el.getAttribute('style');
  if (style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return names.length > 1 && SKIP_CLASS.test(names) && !KEEP_CLASS.test(names);
}

/** Runs a step generator to completion (the sync path). */
export function runSteps<T>(gen: Generator<void, T>): T {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

function hasSkippedAncestor(el: Element, root: Element, cache: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let cur: Element | null = el;
  let result = false;
  while (cur && cur !== root) {
    const known = cache.get(cur);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(cur);
    if (isSkippedElement(cur)) {
      result = true;
      break;
    }
    cur = cur.parentElement;
  }
  for (const p of path) cache.set(p, result);
  return result;
}

const COMMAS = /[,，、]/g;

/** A div counts as a paragraph when its own text (not its children's elements') is at least this long. */
const DIV_PROSE = 80;

/** The text of an element's own text-node children, inline elements' text included, block children's not. */
function ownText(el: Element): string {
  let out = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT) out += (c as Text).data;
    else if (c.nodeType === ELEMENT && !BLOCK_TAGS.has((c as Element).tagName)) out += c.textContent ?? '';
  }
  return out.trim();
}

/**
 * The element holding the article: [itemprop=articleBody], a dominant
 * <article>, or the best container by paragraph text (Readability-style
 * scores on parents and grandparents, discounted by link density).
 */
export function* findRegionSteps(doc: Document): Generator<void, Element | null> {
  const body = doc.body;
  if (!body) return null;

  let best: Element | null = null;
  let bestLen = 0;
  for (const el of doc.querySelectorAll('[itemprop~="articleBody"]')) {
    const len = (el.textContent ?? '').length;
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  if (best && bestLen >= 300) return best;

  const articles = doc.querySelectorAll('article');
  if (articles.length > 0) {
    let total = 0;
    best = null;
    bestLen = 0;
    for (const el of articles) {
      const len = (el.textContent ?? '').length;
      total += len;
      if (len > bestLen && !hasSkippedAncestor(el, body, new Map())) {
        best = el;
        bestLen = len;
      }
    }
    // Many similar <article> teasers make a hub page, not one article.
    if (best && (bestLen >= 1000 || (articles.length === 1 && bestLen >= 100)) && bestLen >= total * 0.5) return best;
  }

  const scores = new Map<Element, number>();
  const cache = new Map<Element, boolean>();
  // Paragraphs, and divs that hold running text themselves (sites that write their prose in divs).
  const paragraphs = doc.querySelectorAll('p, div > br, td, blockquote, div');
  const done = new Set<Element>();
  for (let i = 0; i < paragraphs.length; i++) {
    if (i % STEP === STEP - 1) yield;
    let el = paragraphs[i]!;
    if (el.tagName === 'BR') el = el.parentElement ?? el;
    if (done.has(el)) continue;
    done.add(el);
    const prose = el.tagName === 'DIV' ? ownText(el) : undefined;
    // A div inside a list item is a line of a listing (a paste, code, a feed), not a paragraph.
    if (prose !== undefined && (prose.length < DIV_PROSE || el.parentElement?.tagName === 'LI')) continue;
    if (hasSkippedAncestor(el, body, cache)) continue;
    const text = prose ?? el.textContent ?? '';
    const len = text.trim().length;
    if (len < 25) continue;
    const commas = text.match(COMMAS)?.length ?? 0;
    const cjk = /[\u3400-\u9fff]/.test(text.slice(0, 30)) ? 3 : 1;
    const score = 1 + Math.min(commas, 10) + Math.min(3, (len * cjk) / 100);
    const parent = el.tagName === 'P' || el.tagName === 'TD' || prose !== undefined ? el.parentElement : el;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  best = null;
  let bestScore = 0;
  for (const [el, score] of ranked) {
    const adjusted = score * (1 - linkDensity(el));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  if (best && bestScore >= 5) return best === doc.documentElement ? body : best;

  // No usable paragraphs: the text lives in bare divs or tables.
  const direct = new Map<Element, number>();
  let node: Node | null = body.firstChild;
  let n = 0;
  while (node) {
    if (++n % STEP === 0) yield;
    if (node.nodeType === ELEMENT && !isSkippedElement(node as Element) && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (node.nodeType === TEXT) {
      const parent = node.parentElement;
      const len = (node as Text).data.trim().length;
      if (parent && len > 0) {
        const holder = BLOCK_TAGS.has(parent.tagName) ? parent : (parent.parentElement ?? parent);
        direct.set(holder, (direct.get(holder) ?? 0) + len);
      }
    }
    while (node && node !== body && !node.nextSibling) node = node.parentNode;
    if (!node || node === body) break;
    node = node.nextSibling;
  }
  best = null;
  bestLen = 0;
  for (const [el, len] of direct) {
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  return best ?? body;
}

export function linkDensity(el: Element): number {
  const total = (el.textContent ?? '').length;
  if (total === 0) return 0;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += (a.textContent ?? '').length;
  return Math.min(1, links / total);
}

/** Collects the visible prose under `root`, skipping chrome, code, forms and hidden nodes. */
export function* collectTextSteps(root: Element, title = ''): Generator<void, RegionText> {
  const parts: string[] = [];
  const nodes: (Text | null)[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  let length = 0;
  let lastNewline = true;
  let linkChars = 0;
  let inLink = 0;
  let solidChars = 0;
  let paragraphChars = 0;
  let structuredChars = 0;
  let inParagraph = 0;
  let inStructured = 0;
  let fieldChars = 0;
  let inField = 0;
  const push = (s: string, node: Text | null) => {
    nodes.push(node);
    starts.push(length);
    lengths.push(s.length);
    parts.push(s);
    length += s.length;
    lastNewline = s.charCodeAt(s.length - 1) === 10;
  };
  const newline = () => {
    if (!lastNewline) {
      parts.push('\n');
      length++;
      lastNewline = true;
    }
  };
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  if (cleanTitle) push(`${cleanTitle}\n`, null);
  const titleEnd = length;

  let node: Node | null = root.firstChild;
  let n = 0;
  while (node) {
    if (++n % STEP === 0) yield;
    if (node.nodeType === ELEMENT) {
      const el = node as Element;
      if (!isSkippedElement(el)) {
        if (BLOCK_TAGS.has(el.tagName)) newline();
        const tag = el.tagName;
        if (tag === 'A') inLink++;
        if (tag === 'P') inParagraph++;
        if (STRUCTURED_TAGS.has(tag)) inStructured++;
        if (FIELD_TAGS.has(tag)) inField++;
        if (el.firstChild) {
          node = el.firstChild;
          continue;
        }
        if (tag === 'A') inLink--;
        if (tag === 'P') inParagraph--;
        if (STRUCTURED_TAGS.has(tag)) inStructured--;
        if (FIELD_TAGS.has(tag)) inField--;
      }
    } else if (node.nodeType === TEXT) {
      const data = (node as Text).data;
      if (data.length > 0) {
        // Line breaks inside a text node are layout, not paragraphs: only block boundaries put a
        // "\n" in the text (references in words look for their cues within one paragraph).
        push(data.indexOf('\n') >= 0 ? data.replace(/[\n\r]/g, ' ') : data, node as Text);
        if (inLink > 0) linkChars += data.length;
        const solid = solidLength(data);
        solidChars += solid;
        if (inParagraph > 0) paragraphChars += solid;
        if (inStructured > 0) structuredChars += solid;
        if (inField > 0) fieldChars += solid;
      }
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node.nodeType === ELEMENT) {
        const tag = (node as Element).tagName;
        if (tag === 'A') inLink--;
        if (tag === 'P') inParagraph--;
        if (STRUCTURED_TAGS.has(tag)) inStructured--;
        if (FIELD_TAGS.has(tag)) inField--;
        if (BLOCK_TAGS.has(tag)) newline();
      }
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return {
    text: parts.join(''),
    nodes,
    starts,
    lengths,
    titleEnd,
    linkChars,
    solidChars,
    paragraphChars,
    structuredChars,
    fieldChars,
  };
}

/** Maps an offset in RegionText.text to its Text node and the offset inside it. */
export function locate(
  region: RegionText,
  offset: number,
): { node: Text; offset: number; segment: number; length: number } | null {
  const { starts, nodes } = region;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return null;
  const inner = offset - starts[lo]!;
  if (inner < 0 || inner > region.lengths[lo]!) return null;
  return { node, offset: inner, segment: lo, length: region.lengths[lo]! };
}

export function findArticleRegion(doc: Document): Element | null {
  return runSteps(findRegionSteps(doc));
}

export function collectRegionText(root: Element, title = ''): RegionText {
  return runSteps(collectTextSteps(root, title));
}
