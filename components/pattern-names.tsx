/** Names that fit a vendor's naming pattern but are not in the knowledge base, with what the pattern means. */
import type { PatternInfo } from '../core/page-state';
import { useI18n } from './i18n';

export interface PatternNameItem {
  text: string;
  info?: PatternInfo;
}

/** The meaning line: "UNC: Mandiant's label for …" (the pattern data is in English). */
function Meaning({ info }: { info?: PatternInfo }) {
  const { t } = useI18n();
  return info ? (
    <span class="pattern-meaning" lang="en">
      {info.usedBy}: {info.meaning}
    </span>
  ) : (
    <span class="pattern-meaning">{t('patternUnknown')}</span>
  );
}

export function PatternNames({ items }: { items: PatternNameItem[] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <section class="panel pattern-names" aria-labelledby="pattern-names-heading">
      <h2 id="pattern-names-heading">{t('patternNamesHeading')}</h2>
      <ul>
        {items.map((n) => (
          <li key={n.text} class="pattern-name">
            <strong>{n.text}</strong> <span class="muted">({t('patternNotInKb')})</span>
            <br />
            <Meaning info={n.info} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The hover card's body for such a name. */
export function PatternCardBody({ item }: { item: PatternNameItem }) {
  const { t } = useI18n();
  return (
    <article class="entry entry-card entry-pattern">
      <header class="entry-head">
        <h3 class="entry-name">{item.text}</h3>
        <span class="entry-kind">{t('patternNotInKb')}</span>
      </header>
      <p class="entry-summary">
        <Meaning info={item.info} />
      </p>
      {item.info?.family ? <p class="entry-detail">{t('patternFamily', [item.info.family])}</p> : null}
    </article>
  );
}
