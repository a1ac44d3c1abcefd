/**
 * Constructed style sheets for our shadow root in both browsers. Firefox (ESR 140) does not let a
 * content script assign its own sheets to a page object's `adoptedStyleSheets` ("Accessing from
 * Xray wrapper is not supported"), so there the sheets are made by the page's constructor and the
 * list is written from the page's side (waiving Xray for that one assignment; the CSS is ours).
 */
interface PageWorld {
  CSSStyleSheet: typeof CSSStyleSheet;
  Array: ArrayConstructor;
}

const pageWorld = (): PageWorld | undefined => (window as unknown as { wrappedJSObject?: PageWorld }).wrappedJSObject;

/** A sheet with `css` that the page's documents and shadow roots accept. */
export function makePageSheet(css: string): CSSStyleSheet {
  let sheet: CSSStyleSheet | undefined;
  const page = pageWorld();
  if (page) {
    try {
      sheet = new page.CSSStyleSheet();
    } catch {
      sheet = undefined;
    }
  }
  sheet ??= new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
}

/** Sets a shadow root's adopted sheets. */
export function adoptSheets(root: ShadowRoot, sheets: readonly CSSStyleSheet[]): void {
  try {
    root.adoptedStyleSheets = [...sheets];
    return;
  } catch (err) {
    const page = pageWorld();
    const wrapped = (root as unknown as { wrappedJSObject?: ShadowRoot }).wrappedJSObject;
    if (!page || !wrapped) throw err;
    const list = new page.Array<CSSStyleSheet>();
    for (const s of sheets) list.push(s);
    wrapped.adoptedStyleSheets = list;
  }
}
