/**
 * Constructed style sheets for the page's document and our shadow root, in both browsers. Firefox
 * (ESR 140) does not let a content script assign its own sheets to a page object's
 * `adoptedStyleSheets` or touch that list through its Xray wrapper ("Accessing from Xray wrapper is
 * not supported"), so there the sheets are made by the page's constructor and the list is read and
 * written from the page's side (waiving Xray for that one list; the CSS is ours).
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

const copy = (list: readonly CSSStyleSheet[]): CSSStyleSheet[] => {
  const out: CSSStyleSheet[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]!);
  return out;
};

/** Replaces the adopted sheets of a document or shadow root with `change(current)`. */
export function changeAdoptedSheets(
  target: Document | ShadowRoot,
  change: (sheets: CSSStyleSheet[]) => CSSStyleSheet[],
): void {
  try {
    target.adoptedStyleSheets = change(copy(target.adoptedStyleSheets));
    return;
  } catch (err) {
    const page = pageWorld();
    const wrapped = (target as unknown as { wrappedJSObject?: Document | ShadowRoot }).wrappedJSObject;
    if (!page || !wrapped) throw err;
    const list = new page.Array<CSSStyleSheet>();
    for (const s of change(copy(wrapped.adoptedStyleSheets))) list.push(s);
    wrapped.adoptedStyleSheets = list;
  }
}
