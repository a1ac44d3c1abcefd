/** What the article is about: the event it reports (with claim and response), and what it refers to in words. */
import type { ArticleEvent } from '../core/page-state';
import type { Entry } from '../core/kb/schema';
import { EventTie, EventWhy } from './event-why';
import { displayName, useI18n } from './i18n';

export function ArticleLead({
  event,
  via,
  why = [],
  tiedWith = [],
  nameOf,
  onOpen,
}: {
  event: Entry;
  via: ArticleEvent['via'];
  why?: ArticleEvent['why'];
  tiedWith?: readonly string[];
  /** An entry's name by id (ids it does not know come back as given). */
  nameOf: (id: string) => string;
  onOpen: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const zh = lang === 'zh_CN' && event.summaryZh;
  const c = event.claim;
  return (
    <section class="panel article-lead" aria-labelledby="article-lead-heading">
      <h2 id="article-lead-heading">
        {t('articleReports', [''])}
        <button
          type="button"
          class="link lead-open"
          data-focus-key={`lead:${event.id}`}
          onClick={() => onOpen(event.id)}
        >
          {displayName(event, lang)}
        </button>
      </h2>
      <EventWhy why={why} via={via} nameOf={nameOf} />
      <EventTie tiedWith={tiedWith} nameOf={nameOf} onOpen={onOpen} />
      <p class="lead-summary" lang={zh ? 'zh-Hans' : 'en'}>
        {zh ? event.summaryZh : event.summary}
      </p>
      {c ? (
        <dl class="lead-claim">
          <dt>{t('claimBy')}</dt>
          <dd>{c.by}</dd>
          <dt>{t('claimAgainst')}</dt>
          <dd>{c.against}</dd>
          <dt>{t('claimWhen')}</dt>
          <dd>
            <time dateTime={c.date}>{c.date}</time>
          </dd>
          <dt>{t('claimWhat')}</dt>
          <dd lang="en">{c.claim}</dd>
          <dt>{t('claimResponse')}</dt>
          <dd lang="en">
            {c.response}
            {c.responseCheckedOn ? <span class="muted"> ({t('responseCheckedOn', [c.responseCheckedOn])})</span> : null}
          </dd>
        </dl>
      ) : null}
      {via === 'cues' && why.length === 0 ? <p class="muted hint">{t('articleReportsViaCues')}</p> : null}
    </section>
  );
}

export function ArticleReferences({
  items,
  onOpen,
}: {
  items: { entry: Entry; words: string[] }[];
  onOpen: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  if (items.length === 0) return null;
  return (
    <section class="panel article-references" aria-labelledby="references-heading">
      <h2 id="references-heading">{t('articleRefersTo')}</h2>
      <ul>
        {items.map(({ entry, words }) => (
          <li key={entry.id} class="reference">
            <button
              type="button"
              class="link"
              data-focus-key={`reference:${entry.id}`}
              onClick={() => onOpen(entry.id)}
            >
              {displayName(entry, lang)}
            </button>
            <span class="muted reference-words">
              {t('referenceWords', [words.map((w) => `“${w}”`).join(t('listSeparator'))])}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
