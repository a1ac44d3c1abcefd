/** The article's context as Markdown, for pasting into notes or a ticket. Pure. */
import type { Entry, Source } from '../kb/schema';
import { claimLine, firstSentence, oneLine, reasonsLine, type ArticleContext } from './context';

/** Escapes the characters Markdown would read as markup in running text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`).replace(/^(\s*)(\d+)\./gm, '$1$2\\.');
}

/** A URL as a Markdown link target: spaces and parentheses encoded so the link cannot break. */
const target = (url: string) => url.replace(/[ ()<>]/g, (c) => encodeURIComponent(c));

const source = (s: Source) =>
  `[${escapeMarkdown(s.title)}](${target(s.url)}) (${escapeMarkdown(s.publisher)}${s.date ? `, ${s.date}` : ''})`;

function claimLines(e: Entry): string[] {
  if (!e.claim) return [];
  const c = e.claim;
  return [
    `- Alleged by: ${escapeMarkdown(c.by)}, against: ${escapeMarkdown(c.against)}, on ${c.date}`,
    `- Claim: ${escapeMarkdown(c.claim)}`,
    `- Response: ${escapeMarkdown(c.response)}${c.responseCheckedOn ? ` (checked ${c.responseCheckedOn})` : ''}`,
  ];
}

export interface MarkdownOptions {
  /** The knowledge base's "as of" date. */
  kbAsOf?: string;
}

export function toMarkdown(ctx: ArticleContext, opts: MarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(ctx.title ?? ctx.url)}`, '');
  out.push(`<${target(ctx.url)}>${ctx.published ? ` (published ${ctx.published})` : ''}`, '');

  if (ctx.event) {
    const e = ctx.event;
    out.push(
      '## This article reports',
      '',
      `**${escapeMarkdown(e.name)}**: ${escapeMarkdown(firstSentence(e.summary))}`,
    );
    out.push(...claimLines(e), `- Sources: ${e.sources.map(source).join('; ')}`);
    if (ctx.eventWhy?.length) out.push(`- Why this event: ${escapeMarkdown(reasonsLine(ctx.eventWhy))}`);
    if (ctx.eventTiedWith?.length)
      out.push(
        `- Tied with: ${ctx.eventTiedWith.map((t) => escapeMarkdown(t.name)).join('; ')} (they scored the same)`,
      );
    out.push('');
  }

  if (ctx.brief && (ctx.brief.claims.length || ctx.brief.response)) {
    out.push('## Who accuses whom, in the article’s words', '');
    for (const c of ctx.brief.claims)
      out.push(`- ${escapeMarkdown(claimLine(c))}`, `  > “${escapeMarkdown(oneLine(c.quote.text))}”`);
    if (ctx.brief.response)
      out.push(`- Response or denial reported: “${escapeMarkdown(oneLine(ctx.brief.response.text))}”`);
    out.push('');
  }

  if (ctx.references.length) {
    out.push('## Referred to in words', '');
    for (const r of ctx.references)
      out.push(
        `- **${escapeMarkdown(r.entry.name)}** (matched: ${r.words.map((w) => `“${escapeMarkdown(w)}”`).join(', ')})`,
      );
    out.push('');
  }

  if (ctx.entities.length) {
    out.push('## Entities', '');
    for (const { entry: e, count } of ctx.entities) {
      out.push(
        `- **${escapeMarkdown(e.name)}** (${e.kind}, ${count} ${count === 1 ? 'mention' : 'mentions'}): ${escapeMarkdown(firstSentence(e.summary))}`,
        `  Sources: ${e.sources.map(source).join('; ')}. As of ${e.asOf}.`,
      );
    }
    out.push('');
  }

  if (ctx.patternNames.length) {
    out.push('## Not in Spyglass yet (names the knowledge base does not know)', '');
    for (const n of ctx.patternNames)
      out.push(
        n.introduced
          ? `- ${escapeMarkdown(n.text)} (${n.introduced.kind}, introduced as "${escapeMarkdown(n.introduced.words)}")`
          : `- ${escapeMarkdown(n.text)}${n.info ? `: ${escapeMarkdown(n.info.meaning)}` : ''}`,
      );
    out.push('');
  }

  if (ctx.timeline.length) {
    out.push('## Timeline (newest first)', '');
    for (const it of ctx.timeline) {
      const dir = it.from && it.to ? ` (${it.from} → ${it.to})` : '';
      out.push(`- ${it.date}: ${escapeMarkdown(it.name)}${dir}${it.thisArticle ? ' **(this article)**' : ''}`);
    }
    out.push('');
  }

  out.push(
    `Background from Spyglass${opts.kbAsOf ? `, knowledge base as of ${opts.kbAsOf}` : ''}. Allegations are stated as allegations, with the response on record.`,
  );
  return out.join('\n') + '\n';
}
