/**
 * Paints mentions with the CSS Custom Highlight API: one Highlight per entity kind, styled by
 * ::highlight() rules in a constructed sheet. The page's DOM is never touched.
 */
import { KINDS, type Kind } from '../core/kb/kinds';
import { changeAdoptedSheets, makePageSheet } from './page-sheets';

export interface PaintedMention {
  id: string;
  kind: Kind;
  range: Range;
}

const NAME = (k: string) => `spyglass-${k}`;
const ACTIVE = 'spyglass-active';

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
    const sheet = makePageSheet(`${rules}\n::highlight(${ACTIVE}) { background-color: rgb(255 196 0 / 0.35); }`);
    changeAdoptedSheets(document, (sheets) => [...sheets, sheet]);
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
      changeAdoptedSheets(document, (sheets) => sheets.filter((s) => s !== sheet));
      this.sheet = undefined;
    }
  }
}
