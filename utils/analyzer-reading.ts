/**
 * Reading: reads the article region (core/engine/page.ts, sliced so no task runs long; a short
 * page in one slice), asks the background for the verdict and the mentions, and hands the reply
 * with the read region to `apply`. Written with callbacks rather than await: each piece of work
 * then runs inside a function of ours that the browser calls (script start, timer, message),
 * where tracing and DevTools attribute it to Spyglass.
 */
import { placeMentions, readPageSteps, type PageText } from '../core/engine/page';
import type { RegionText } from '../core/engine/region';
import { runStepsInSlices } from '../core/engine/slice';
import { pageStateOf } from '../core/pipeline/page-state';
import type { Mention } from '../core/engine/types';
import type { AnalyzerContext } from './analyzer-context';
import type { AnalyzeReply, PageState } from './messages';
import { send } from './page-api';
import { timed, timedSteps } from './page-timing';

export interface ReadResult {
  reply: AnalyzeReply;
  page: PageText;
  /** The read region (its text is what offsets in the reply and the page state count in). */
  region: RegionText;
  /** Every mention, mapped back to the page's text nodes. */
  mentions: Mention[];
  /** Names in vendor naming patterns, mapped the same way; `id` is the pattern name's index in the reply. */
  patternMentions: Mention[];
}

export interface Reader {
  /**
   * Reads the page and asks the background; a newer read supersedes an older one. `gatePassed`:
   * the content script's verdict when it is known (first read), else the check runs again.
   */
  read(gatePassed?: boolean): void;
  cancel(): void;
}

const SLICE_MS = 8;

export function createReader(ctx: AnalyzerContext, apply: (r: ReadResult) => void): Reader {
  const { api, signal } = ctx;
  let run: AbortController | undefined;
  return {
    read(gatePassed) {
      if (signal.aborted) return;
      run?.abort();
      const thisRun = new AbortController();
      run = thisRun;
      const stale = () => signal.aborted || thisRun.signal.aborted;
      runStepsInSlices(
        timedSteps(readPageSteps(document, gatePassed)),
        { sliceMs: SLICE_MS, signal: AbortSignal.any([signal, thisRun.signal]) },
        (read: { region: RegionText; page: PageText }) => {
          send(api, { type: 'cs/analyze', page: read.page }).then(
            (reply: AnalyzeReply | { error: string } | undefined) => {
              if (!reply || 'error' in reply || stale()) return;
              ctx.setTimer(() => {
                if (stale()) return;
                const names = (reply.patternNames ?? []).map((n, i) => ({ id: String(i), start: n.start, end: n.end }));
                const placed = timed('reply', () => ({
                  mentions: placeMentions(read.region, reply.mentions),
                  patternMentions: placeMentions(read.region, names),
                }));
                apply({ reply, page: read.page, region: read.region, ...placed });
              }, 0);
            },
            () => undefined,
          );
        },
        () => undefined,
      );
    },
    cancel: () => run?.abort(),
  };
}

/** The state the page reports (popup, side panel, badge) after a read. */
export function stateOf(r: ReadResult, url: string, title: string): PageState {
  return pageStateOf(r.reply, r.mentions, r.page, url, title);
}
