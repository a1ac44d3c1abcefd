/**
 * Paints mentions with the CSS Custom Highlight API: one Highlight per entity kind, styled by
 * ::highlight() rules in a constructed sheet. The page's DOM is never touched.
 */
import { KINDS, type Kind } from '../core/kb/kinds';

export interface PaintedMention {
  id: string;
  kind: Kind;
  range: Range;
}

const NAME = (k: string) => `spyglass-${k}`;
const ACTIVE = 'spyglass-active';

/** The page's own objects, as a Firefox content script reaches them (Xray vision waived). */
interface PageWorld {
  CSSStyleSheet: typeof CSSStyleSheet;
  Array: ArrayConstructor;
  document: Document;
}
const pageWorld = (): PageWorld | undefined => (window as unknown as { wrappedJSObject?: PageWorld }).wrappedJSObject;

/**
 * Replaces the document's adopted sheets with `change(current)`. In Firefox a content script
 * cannot touch the page's ObservableArray through its Xray wrapper ("Accessing from Xray wrapper
 * is not supported"), so there the sheet list is read and written in the page's own world.
 */
function changeSheets(change: (sheets: CSSStyleSheet[]) => CSSStyleSheet[]): void {
  const copy = (list: readonly CSSStyleSheet[]) => {
    const out: CSSStyleSheet[] = [];
    for (let i = 0; i < list.length; i++) out.push(list[i]!);
    return out;
  };
  try {
    document.adoptedStyleSheets = change(copy(document.adoptedStyleSheets));
    return;
  } catch (err) {
    const page = pageWorld();
    if (!page) throw err;
    const next = new page.Array<CSSStyleSheet>();
    for (const sheet of change(copy(page.document.adoptedStyleSheets))) next.push(sheet);
    page.document.adoptedStyleSheets = next;
  }
}

/** A constructed sheet that the document accepts (in Firefox, one made by the page's constructor). */
function makeSheet(css: string): CSSStyleSheet {
  let sheet = new CSSStyleSheet();
  try {
    // Firefox refuses a sheet constructed in the content script's world.
    if (pageWorld()) sheet = new (pageWorld()!.CSSStyleSheet)();
  } catch {
    // Keep the content script's own sheet.
  }
  sheet.replaceSync(css);
  return sheet;
}

export class Highlighter {
  private sheet: CSSStyleSheet | undefined;
  private names: string[] = [];

  static supported(): boolean {
    return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  }

  paint(mentions: readonly PaintedMention[], colors: Readonly<Record<Kind, string>>): void {
    this.clear();
    if (!Highlighter.supported() || mentions.length === 0) return;
    const byKind = new Map<Kind, Range[]>();
    for (const m of mentions) {
      const list = byKind.get(m.kind) ?? [];
      list.push(m.range);
      byKind.set(m.kind, list);
    }
    for (const [kind, ranges] of byKind) {
      CSS.highlights.set(NAME(kind), new Highlight(...ranges));
      this.names.push(NAME(kind));
    }
    const rules = KINDS.map(
      (k) =>
        `::highlight(${NAME(k)}) { text-decoration-line: underline; text-decoration-style: solid; ` +
        `text-decoration-thickness: 2px; text-decoration-color: ${colors[k]}; text-underline-offset: 3px; }`,
    ).join('\n');
    const sheet = makeSheet(`${rules}\n::highlight(${ACTIVE}) { background-color: rgb(255 196 0 / 0.35); }`);
    changeSheets((sheets) => [...sheets, sheet]);
    this.sheet = sheet;
  }

  setActive(range: Range | null): void {
    if (!Highlighter.supported()) return;
    if (range) CSS.highlights.set(ACTIVE, new Highlight(range));
    else CSS.highlights.delete(ACTIVE);
  }

  clear(): void {
    if (!Highlighter.supported()) return;
    for (const n of this.names) CSS.highlights.delete(n);
    CSS.highlights.delete(ACTIVE);
    this.names = [];
    if (this.sheet) {
      const sheet = this.sheet;
      changeSheets((sheets) => sheets.filter((s) => s !== sheet));
      this.sheet = undefined;
    }
  }
}
