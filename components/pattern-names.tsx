/**
 * "Not in Spyglass yet": names the knowledge base does not know. A name that fits a vendor's naming
 * pattern shows what the pattern means; a name the article introduces shows the words that
 * introduced it. No card is made up for either: the hover card says only this.
 */
import type { IntroducedKind, Introduction, PatternInfo } from '../core/page-state';
import { useI18n } from './i18n';

export interface PatternNameItem {
  text: string;
  info?: PatternInfo;
  /** Set for a name the article introduces in words ("a new backdoor dubbed X"). */
  introduced?: Introduction;
}

const KIND_KEY = {
  malware: 'introducedMalware',
  group: 'introducedGroup',
  campaign: 'introducedCampaign',
} as const satisfies Record<IntroducedKind, string>;

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

/** How the article introduced the name, quoting its words. */
function Introduced({ introduced }: { introduced: Introduction }) {
  const { t } = useI18n();
  return (
    <span class="pattern-meaning introduced-words">
      {t('introducedAs', [t(KIND_KEY[introduced.kind]), introduced.words])}
    </span>
  );
}

export function PatternNames({ items }: { items: PatternNameItem[] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <section class="panel pattern-names" aria-labelledby="pattern-names-heading">
      <h2 id="pattern-names-heading">{t('notInSpyglassHeading')}</h2>
      <ul>
        {items.map((n) => (
          <li key={n.text} class={n.introduced ? 'pattern-name introduced-name' : 'pattern-name'}>
            <strong>{n.text}</strong> <span class="muted">({t('patternNotInKb')})</span>
            <br />
            {n.introduced ? <Introduced introduced={n.introduced} /> : <Meaning info={n.info} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The hover card's body for such a name: what is known of the name's form or words, nothing more. */
export function PatternCardBody({ item }: { item: PatternNameItem }) {
  const { t } = useI18n();
  return (
    <article class="entry entry-card entry-pattern">
      <header class="entry-head">
        <h3 class="entry-name">{item.text}</h3>
        <span class="entry-kind">{t('patternNotInKb')}</span>
      </header>
      {item.introduced ? (
        <>
          <p class="entry-summary">{t('introducedUnknown')}</p>
          <blockquote class="entry-detail introduced-words">{item.introduced.words}</blockquote>
        </>
      ) : (
        <>
          <p class="entry-summary">
            <Meaning info={item.info} />
          </p>
          {item.info?.family ? <p class="entry-detail">{t('patternFamily', [item.info.family])}</p> : null}
        </>
      )}
    </article>
  );
}
