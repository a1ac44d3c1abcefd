/**
 * Our only element in the page: a host with an open shadow root holding the hover card.
 * Page CSS cannot reach inside; the host's own box is pinned with inline !important styles.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import cardCss from '../assets/styles/card.css?inline';
import { changeAdoptedSheets, makePageSheet } from './page-sheets';
import { ChoiceNotice } from '../components/choice-notice';
import { HoverCard } from '../components/hover-card';
import { I18nContext, makeT } from '../components/i18n';
import type { PatternNameItem } from '../components/pattern-names';
import type { Entry } from '../core/kb/schema';
import { pickUiLang, type UiLang } from '../core/i18n/strings';
import type { PageChoice } from './messages';

export const HOST_TAG = 'spyglass-ui';

/**
 * The design tokens again, declared on the layer inside our shadow root. Custom properties
 * inherit through the host, where page CSS (`spyglass-ui { --sg-font: … !important }`) would
 * otherwise override the values our `:host` rules give them.
 */
function tokensOnLayer(sheet: CSSStyleSheet): string {
  const rules: string[] = [];
  const copy = (list: CSSRuleList, wrap: (css: string) => string) => {
    for (const rule of Array.from(list)) {
      if ('conditionText' in rule && 'cssRules' in rule) {
        const media = rule as CSSMediaRule;
        copy(media.cssRules, (css) => wrap(`@media ${media.conditionText} { ${css} }`));
      } else if ('selectorText' in rule && 'style' in rule) {
        const { selectorText, style } = rule as CSSStyleRule;
        const props = Array.from(style).filter((p) => p.startsWith('--'));
        const hosts = selectorText
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x.startsWith(':host'));
        if (props.length === 0 || hosts.length === 0) continue;
        const decls = props.map((p) => `${p}: ${style.getPropertyValue(p)};`).join(' ');
        rules.push(wrap(`${hosts.map((h) => `${h} .layer`).join(', ')} { ${decls} }`));
      }
    }
  };
  copy(sheet.cssRules, (css) => css);
  return rules.join('\n');
}

interface CardPlacement {
  anchor: Range;
  focus: boolean;
}

/**
 * What to show: a knowledge-base entry (with the mention's text, so the card can say which alias
 * matched), or a name the knowledge base does not know (a vendor-pattern name, or one the article introduces).
 */
export type CardRequest = CardPlacement &
  (
    | { entry: Entry; related: Entry[]; matchedText?: string; pattern?: undefined }
    | { pattern: PatternNameItem; entry?: undefined }
  );

export interface CardOptions {
  /** The reader's language setting; 'auto' follows the browser. */
  language: () => 'auto' | UiLang;
  theme: () => 'system' | 'light' | 'dark';
  onOpenRelated: (id: string) => void;
  onMore: (id: string) => void;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /**
   * The reader chose from the card ("not this", "mute") or undid it. Set only where choices are
   * possible; the card then closes and a notice with Undo takes its place for a while.
   */
  onChoice?: (choice: PageChoice) => void;
}

/** How long the notice with Undo stays (longer while the pointer or focus is on it). */
export const NOTICE_MS = 8000;

/** What the page script sees of the card (it loads this module only when a card first opens). */
export interface CardHandle {
  readonly open: boolean;
  readonly element: HTMLElement | undefined;
  show(req: CardRequest): void;
  hide(): void;
  contains(target: EventTarget | null): boolean;
  destroy(): void;
}

/** Set by card.js in the content scripts' world. */
export interface CardModule {
  create(opts: CardOptions): CardHandle;
}

declare global {
  var __spyglassCard: CardModule | undefined;
}

/** Called by card.js: makes the card available to the page script in this frame. */
export function installCard(): void {
  globalThis.__spyglassCard ??= { create: (opts) => new CardUi(opts) };
}

export class CardUi implements CardHandle {
  private host: HTMLElement | undefined;
  /** The card and the notice each render into a slot of their own in the host's layer. */
  private cardSlot: HTMLElement | undefined;
  private noticeSlot: HTMLElement | undefined;
  private noticeTimer: number | undefined;
  private returnFocus: Element | null = null;
  /** Stops following the anchor (floating-ui's autoUpdate) for the card on screen. */
  private stopFollowing: (() => void) | undefined;
  open = false;

  constructor(private readonly opts: CardOptions) {}

  get element(): HTMLElement | undefined {
    return this.host;
  }

  private ensureHost(): HTMLElement {
    if (this.host?.isConnected && this.cardSlot) return this.cardSlot;
    const host = document.createElement(HOST_TAG);
    for (const [k, v] of [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['top', '0'],
      ['left', '0'],
      ['width', '0'],
      ['height', '0'],
      ['z-index', '2147483647'],
      ['display', 'block'],
      ['overflow', 'visible'],
    ])
      host.style.setProperty(k!, v!, 'important');
    const root = host.attachShadow({ mode: 'open' });
    // Parsed once in our own world to read its rules; the page-side copies are what the root adopts.
    const parsed = new CSSStyleSheet();
    parsed.replaceSync(cardCss);
    changeAdoptedSheets(root, () => [makePageSheet(cardCss), makePageSheet(tokensOnLayer(parsed))]);
    const layer = document.createElement('div');
    layer.className = 'layer';
    layer.addEventListener('pointerenter', this.opts.onPointerEnter);
    layer.addEventListener('pointerleave', this.opts.onPointerLeave);
    const cardSlot = document.createElement('div');
    const noticeSlot = document.createElement('div');
    layer.append(cardSlot, noticeSlot);
    root.append(layer);
    document.documentElement.append(host);
    this.host = host;
    this.cardSlot = cardSlot;
    this.noticeSlot = noticeSlot;
    return cardSlot;
  }

  private i18n() {
    const setting = this.opts.language();
    const lang = setting === 'auto' ? pickUiLang(navigator.language) : setting;
    return { t: makeT(lang), lang };
  }

  /**
   * The card's "not this" / "mute": tell the page script, close the card, offer Undo. Only the
   * reader's own clicks count (isTrusted): the page can reach our open shadow root, and must not
   * be able to mute entries for every site.
   */
  private choose(choice: PageChoice & { op: 'dismiss' | 'mute' }, anchor: Range): void {
    const onChoice = this.opts.onChoice;
    if (!onChoice) return;
    const hadFocus = this.host?.matches(':focus-within') === true;
    onChoice(choice);
    this.opts.onClose();
    const undo: PageChoice =
      choice.op === 'dismiss' ? { op: 'restore', id: choice.id } : { op: 'unmute', id: choice.id };
    this.notify(choice.op === 'dismiss' ? 'dismissed' : 'muted', choice.name, anchor, hadFocus, () => onChoice(undo));
  }

  private closeNotice(): void {
    if (this.noticeTimer !== undefined) clearTimeout(this.noticeTimer);
    this.noticeTimer = undefined;
    if (this.noticeSlot) render(null, this.noticeSlot);
  }

  /** Shows what was chosen, with Undo, next to the mention, for NOTICE_MS (more while in use). */
  private notify(done: 'dismissed' | 'muted', name: string, anchor: Range, focus: boolean, undo: () => void): void {
    this.ensureHost();
    const slot = this.noticeSlot!;
    this.closeNotice();
    render(
      <I18nContext.Provider value={this.i18n()}>
        <ChoiceNotice
          variant="card"
          done={done}
          name={name}
          onUndo={(e) => {
            if (!e.isTrusted) return;
            this.closeNotice();
            undo();
          }}
          onClose={() => this.closeNotice()}
        />
      </I18nContext.Provider>,
      slot,
    );
    const el = slot.querySelector<HTMLElement>('.choice-notice');
    if (!el) return;
    void computePosition(
      { getBoundingClientRect: () => anchor.getBoundingClientRect(), getClientRects: () => anchor.getClientRects() },
      el,
      {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
      },
    ).then(({ x, y }) => {
      el.style.left = `${x}px`;
      el.style.top = `${y}px`;
      el.dataset.placed = 'true';
    });
    if (focus) el.querySelector<HTMLElement>('.undo-choice')?.focus({ preventScroll: true });
    const expire = () => {
      // Kept while the reader is on it (pointer or focus), so Undo never vanishes under them.
      this.noticeTimer = el.matches(':hover, :focus-within') ? window.setTimeout(expire, 1000) : undefined;
      if (this.noticeTimer === undefined) this.closeNotice();
    };
    this.noticeTimer = window.setTimeout(expire, NOTICE_MS);
  }

  show(req: CardRequest): void {
    const layer = this.ensureHost();
    const theme = this.opts.theme();
    if (theme === 'system') this.host!.removeAttribute('data-theme');
    else this.host!.setAttribute('data-theme', theme);
    if (req.focus && !this.open) this.returnFocus = document.activeElement;
    const entry = req.entry;
    const choices = this.opts.onChoice !== undefined;
    render(
      <I18nContext.Provider value={this.i18n()}>
        {entry ? (
          <HoverCard
            entry={entry}
            related={req.related}
            matchedText={req.matchedText}
            onClose={() => this.opts.onClose()}
            onOpen={this.opts.onOpenRelated}
            onMore={this.opts.onMore}
            onDismiss={
              choices
                ? (e) =>
                    e.isTrusted &&
                    this.choose({ op: 'dismiss', id: entry.id, name: req.matchedText ?? entry.name }, req.anchor)
                : undefined
            }
            onMute={
              choices
                ? (e) => e.isTrusted && this.choose({ op: 'mute', id: entry.id, name: entry.name }, req.anchor)
                : undefined
            }
          />
        ) : (
          <HoverCard pattern={req.pattern} onClose={() => this.opts.onClose()} />
        )}
      </I18nContext.Provider>,
      layer,
    );
    this.open = true;
    const card = layer.querySelector<HTMLElement>('.card');
    if (!card) return;
    const anchor = req.anchor;
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      // Lets autoUpdate listen to the scrolling ancestors of the mention.
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    const place = () =>
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              card.style.maxHeight = `${Math.max(120, Math.min(availableHeight, window.innerHeight - 16))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        card.dataset.placed = 'true';
      });
    // Follow the mention while the card is open: the keyboard path scrolls (smoothly) to the
    // mention as the card opens, and a focused card stays open while the page scrolls.
    this.stopFollowing?.();
    this.stopFollowing = autoUpdate(reference, card, place, { layoutShift: false });
    if (req.focus) card.focus({ preventScroll: true });
  }

  hide(): void {
    if (!this.open) return;
    this.open = false;
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    if (this.cardSlot) render(null, this.cardSlot);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  /** Whether an event happened inside our UI. */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  destroy(): void {
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    this.closeNotice();
    if (this.cardSlot) render(null, this.cardSlot);
    this.host?.remove();
    this.host = undefined;
    this.cardSlot = undefined;
    this.noticeSlot = undefined;
    this.open = false;
  }
}
