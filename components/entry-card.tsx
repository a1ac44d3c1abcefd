/**
 * One knowledge-base entry. "card" is the compact hover card; "full" is the popup's entry view.
 * Props in, markup out: links open in a new tab, related entries call onOpen.
 */
import {
  attackUrl,
  disputedNameLines,
  linksByType,
  matchedAlias,
  membersByDate,
  regionCode,
  vendorNames,
} from '../core/kb/entry-view';
import type { Attribution, Entry } from '../core/kb/schema';
import type { UiLang } from '../core/i18n/strings';
import { displayName, useI18n, type T } from './i18n';
import { KIND_LABEL, LINK_LABEL, LINK_ORDER } from './kind';
import { VendorNames } from './vendor-names';

export interface EntryCardProps {
  entry: Entry;
  /** Entries listed in `related`, already resolved (unknown ids left out). */
  related: Entry[];
  variant: 'card' | 'full';
  onOpen?: (id: string) => void;
  onMore?: (id: string) => void;
  headingId?: string;
  /** The text on the page that opened the card (which alias matched). */
  matchedText?: string;
  /** Looks up linked entries and topic members (the full view; the hover card has only `related`). */
  resolve?: (id: string) => Entry | undefined;
}

/** How many vendor names the compact card shows before pointing to the full view. */
const CARD_VENDOR_NAMES = 6;
/** How many sources the compact card shows. */
const CARD_SOURCES = 3;

function countryName(country: string, lang: UiLang): string {
  try {
    return (
      new Intl.DisplayNames([lang === 'zh_CN' ? 'zh-CN' : 'en'], { type: 'region' }).of(regionCode(country)) ?? country
    );
  } catch {
    return country;
  }
}

function listOf(items: readonly string[], lang: UiLang): string {
  return new Intl.ListFormat(lang === 'zh_CN' ? 'zh-CN' : 'en', { type: 'conjunction' }).format(items);
}

export function attributionLine(a: Attribution, t: T, lang: UiLang): string {
  const where = countryName(a.country, lang) + (a.sponsor ? ` (${a.sponsor})` : '');
  return t('linkedTo', [where, listOf(a.by, lang)]);
}

/** "Matched 'Charming Kitten', CrowdStrike's name for APT35", or undefined when the name itself matched. */
export function matchedLine(entry: Entry, text: string | undefined, t: T, lang: UiLang): string | undefined {
  if (!text) return undefined;
  const alias = matchedAlias(entry, text);
  const shown = alias?.text ?? text;
  if (alias?.coinedBy) return t('matchedAlias', [shown, alias.coinedBy, displayName(entry, lang)]);
  if (shown === entry.name || shown === entry.nameZh) return undefined;
  return t('matchedAliasPlain', [shown]);
}

/** "“APT45” is used for more than one group: here per Mandiant; Andariel (Microsoft)." */
export function disputedLines(entry: Entry, t: T, lang: UiLang): string[] {
  return disputedNameLines(entry).map((d) => {
    const parts = [
      ...(d.here ? [t('disputedHere', [listOf(d.here, lang)])] : []),
      ...d.others.map((o) => (o.by ? `${o.name} (${listOf(o.by, lang)})` : o.name)),
    ];
    return t('disputedName', [d.name, parts.join('; ')]);
  });
}

export function EntryCard({
  entry,
  related,
  variant,
  onOpen,
  onMore,
  headingId,
  matchedText,
  resolve,
}: EntryCardProps) {
  const { t, lang } = useI18n();
  const full = variant === 'full';
  const zh = lang === 'zh_CN';
  const aliases = full ? entry.aliases : entry.aliases.filter((a) => a.primary);
  const names = vendorNames(entry);
  // Names in the vendor table are not listed twice.
  const inTable = new Set(names.map((n) => n.text));
  const shownAliases = aliases.filter((a) => a.text !== entry.name && a.text !== entry.nameZh && !inTable.has(a.text));
  const summary = zh && entry.summaryZh ? entry.summaryZh : entry.summary;
  const sources = full ? entry.sources : entry.sources.slice(0, CARD_SOURCES);
  const matched = matchedLine(entry, matchedText, t, lang);
  // The card leads its table with the name the page used, so it is never cut off.
  const matchedRow = full ? undefined : matchedAlias(entry, matchedText)?.text;
  const rows = matchedRow
    ? [...names.filter((n) => n.text === matchedRow), ...names.filter((n) => n.text !== matchedRow)]
    : names;
  const attack = entry.attackId ? attackUrl(entry.attackId) : undefined;
  const linkGroups = full && resolve ? linksByType(entry, resolve, LINK_ORDER) : [];
  const members = full && resolve ? membersByDate(entry, resolve) : [];
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
      {matched ? <p class="entry-matched">{matched}</p> : null}
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
      {entry.attribution?.length ? (
        <section class="entry-attribution" {...sectionName('attribution', t('attribution'))}>
          {full ? <h3 id={`${entry.id}-attribution`}>{t('attribution')}</h3> : null}
          <ul>
            {entry.attribution.map((a) => (
              <li key={a.country + (a.sponsor ?? '')}>{attributionLine(a, t, lang)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {entry.attackId ? (
        <p class="entry-attack">
          <span class="label">{t('attackId')}: </span>
          {entry.attackId}
          {attack ? (
            <>
              {' '}
              <a href={attack} target="_blank" rel="noopener noreferrer">
                {attack}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      <VendorNames rows={rows} limit={full ? undefined : CARD_VENDOR_NAMES} idBase={`${entry.id}-${variant}`} />
      {disputedLines(entry, t, lang).map((line) => (
        <p class="entry-disputed" key={line}>
          {line}
        </p>
      ))}
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
            <dd>
              {entry.claim.response}
              {entry.claim.responseCheckedOn ? (
                <span class="muted response-checked"> ({t('responseCheckedOn', [entry.claim.responseCheckedOn])})</span>
              ) : null}
            </dd>
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
      {members.length > 0 ? (
        <section class="entry-members" aria-labelledby={`${entry.id}-members`}>
          <h3 id={`${entry.id}-members`}>{t('members')}</h3>
          <ul>
            {members.map((m) => (
              <li key={m.entry.id}>
                {m.date ? <time dateTime={m.date}>{m.date}</time> : null}{' '}
                <button
                  type="button"
                  class="link"
                  data-focus-key={`member:${m.entry.id}`}
                  onClick={() => onOpen?.(m.entry.id)}
                >
                  {displayName(m.entry, lang)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {linkGroups.length > 0 ? (
        <section class="entry-links" aria-labelledby={`${entry.id}-links`}>
          <h3 id={`${entry.id}-links`}>{t('links')}</h3>
          <dl>
            {linkGroups.map((g) => (
              <div key={g.type} class={`link-group link-${g.type}`}>
                <dt>{t(LINK_LABEL[g.type])}</dt>
                {g.items.map(({ entry: other, by }) => (
                  <dd key={other.id}>
                    <button
                      type="button"
                      class="link"
                      data-focus-key={`link:${g.type}:${other.id}`}
                      onClick={() => onOpen?.(other.id)}
                    >
                      {displayName(other, lang)}
                    </button>
                    {by ? <span class="muted"> ({t('linkBy', [by])})</span> : null}
                  </dd>
                ))}
              </div>
            ))}
          </dl>
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
