/**
 * One knowledge-base entry. "card" is the compact hover card; "full" is the popup's entry view.
 * Props in, markup out: links open in a new tab, related entries call onOpen.
 */
import type { Entry } from '../core/kb/schema';
import { displayName, useI18n } from './i18n';
import { KIND_LABEL } from './kind';

export interface EntryCardProps {
  entry: Entry;
  /** Entries listed in `related`, already resolved (unknown ids left out). */
  related: Entry[];
  variant: 'card' | 'full';
  onOpen?: (id: string) => void;
  onMore?: (id: string) => void;
  headingId?: string;
}

export function EntryCard({ entry, related, variant, onOpen, onMore, headingId }: EntryCardProps) {
  const { t, lang } = useI18n();
  const full = variant === 'full';
  const zh = lang === 'zh_CN';
  const aliases = full ? entry.aliases : entry.aliases.filter((a) => a.primary);
  const shownAliases = aliases.filter((a) => a.text !== entry.name && a.text !== entry.nameZh);
  const summary = zh && entry.summaryZh ? entry.summaryZh : entry.summary;
  const sources = full ? entry.sources : entry.sources.slice(0, 1);
  const rel = full ? related : related.slice(0, 3);
  const Heading = full ? 'h2' : 'h3';
  // The full view shows section headings; the compact card names its sections for screen readers only.
  const sectionName = (part: string, label: string) =>
    full ? { 'aria-labelledby': `${entry.id}-${part}` } : { 'aria-label': label };
  return (
    <article class={`entry entry-${variant}`} data-entry-id={entry.id}>
      <header class="entry-head">
        {/* tabIndex -1 so the popup can move focus here when the view opens (headings are not focusable). */}
        <Heading class="entry-name" id={headingId} tabIndex={full ? -1 : undefined}>
          {entry.name}
          {entry.nameZh ? (
            <span class="entry-name-zh" lang="zh-Hans">
              {' '}
              {entry.nameZh}
            </span>
          ) : null}
        </Heading>
        <span class={`entry-kind kind-${entry.kind}`}>{t(KIND_LABEL[entry.kind])}</span>
      </header>
      {shownAliases.length > 0 ? (
        <p class="entry-aliases">
          <span class="label">{t('aliases')}: </span>
          {shownAliases.map((a, i) => (
            <span key={a.text} lang={a.lang === 'other' ? undefined : a.lang}>
              {i > 0 ? ', ' : ''}
              {a.text}
            </span>
          ))}
        </p>
      ) : null}
      <p class="entry-summary" lang={zh && entry.summaryZh ? 'zh-Hans' : 'en'}>
        {summary}
      </p>
      {full && zh && entry.summaryZh ? (
        <p class="entry-summary-alt" lang="en">
          {entry.summary}
        </p>
      ) : null}
      {entry.claim ? (
        <section class="entry-claim" {...sectionName('claim', t('claim'))}>
          {full ? <h3 id={`${entry.id}-claim`}>{t('claim')}</h3> : null}
          <dl>
            <dt>{t('claimBy')}</dt>
            <dd>{entry.claim.by}</dd>
            <dt>{t('claimAgainst')}</dt>
            <dd>{entry.claim.against}</dd>
            <dt>{t('claimWhen')}</dt>
            <dd>
              <time dateTime={entry.claim.date}>{entry.claim.date}</time>
            </dd>
            {full ? (
              <>
                <dt>{t('claimWhat')}</dt>
                <dd>{entry.claim.claim}</dd>
              </>
            ) : null}
            <dt>{t('claimResponse')}</dt>
            <dd>{entry.claim.response}</dd>
          </dl>
        </section>
      ) : null}
      {entry.dates.length > 0 ? (
        <section class="entry-dates" {...sectionName('dates', t('keyDates'))}>
          {full ? <h3 id={`${entry.id}-dates`}>{t('keyDates')}</h3> : null}
          <ul>
            {entry.dates.slice(0, full ? undefined : 3).map((d) => (
              <li key={d.label + d.start}>
                <time dateTime={d.start}>{d.start}</time>
                {d.end ? (
                  <>
                    {' – '}
                    <time dateTime={d.end}>{d.end}</time>
                  </>
                ) : null}{' '}
                {d.label}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {full && entry.details.length > 0 ? (
        <section class="entry-details">
          <h3>{t('details')}</h3>
          <ul>
            {entry.details.map((d) => (
              <li key={d.date + d.text}>
                <time dateTime={d.date}>{d.date}</time> {zh && d.textZh ? d.textZh : d.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {rel.length > 0 ? (
        <section class="entry-related">
          <h3>{t('related')}</h3>
          <ul>
            {rel.map((r) => (
              <li key={r.id}>
                <button type="button" class="link" data-focus-key={`related:${r.id}`} onClick={() => onOpen?.(r.id)}>
                  {displayName(r, lang)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="entry-sources">
        <h3>{t('sources')}</h3>
        <ul>
          {sources.map((s) => (
            <li key={s.url}>
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>{' '}
              <span class="muted">
                {s.publisher}
                {s.date ? `, ${s.date}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <footer class="entry-foot">
        <span class="muted">{t('asOf', [entry.asOf])}</span>
        {onMore ? (
          <button type="button" class="more" onClick={() => onMore(entry.id)}>
            {t('more')}
          </button>
        ) : null}
      </footer>
    </article>
  );
}
