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
  /** A name that only fits a vendor naming pattern: painted quietly (a thin dotted line). */
  quiet?: boolean;
}

const NAME = (k: string) => `spyglass-${k}`;
const ACTIVE = 'spyglass-active';
const QUIET = 'spyglass-pattern';

export class Highlighter {
  private sheet: CSSStyleSheet | undefined;
  private names: string[] = [];

  static supported(): boolean {
    return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  }

  paint(mentions: readonly PaintedMention[], colors: Readonly<Record<Kind, string>>): void {
    this.clear();
    if (!Highlighter.supported() || mentions.length === 0) return;
    const byName = new Map<string, Range[]>();
    for (const m of mentions) {
      const name = m.quiet ? QUIET : NAME(m.kind);
      const list = byName.get(name) ?? [];
      list.push(m.range);
      byName.set(name, list);
    }
    for (const [name, ranges] of byName) {
      CSS.highlights.set(name, new Highlight(...ranges));
      this.names.push(name);
    }
    const rules = KINDS.map(
      (k) =>
        `::highlight(${NAME(k)}) { text-decoration-line: underline; text-decoration-style: solid; ` +
        `text-decoration-thickness: 2px; text-decoration-color: ${colors[k]}; text-underline-offset: 3px; }`,
    ).join('\n');
    const quiet =
      `::highlight(${QUIET}) { text-decoration-line: underline; text-decoration-style: dotted; ` +
      `text-decoration-thickness: 1px; text-decoration-color: rgb(128 128 128 / 0.9); text-underline-offset: 3px; }`;
    const sheet = makePageSheet(
      `${rules}\n${quiet}\n::highlight(${ACTIVE}) { background-color: rgb(255 196 0 / 0.35); }`,
    );
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
