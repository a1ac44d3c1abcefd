/**
 * What the article reports when the knowledge base holds no event for it: each accusation as a
 * sentence built from its parts, with the article's own words and a way to find them in the page.
 */
import type { ArticleBrief, ArticleQuote, BriefClaim } from '../core/page-state';
import type { MessageKey } from '../core/i18n/strings';
import { useI18n } from './i18n';

const OF_KEY: Record<BriefClaim['of'][number], MessageKey> = {
  hacking: 'briefOfHacking',
  espionage: 'briefOfEspionage',
  sabotage: 'briefOfSabotage',
  spyware: 'briefOfSpyware',
};

/** A quote is shown short: the article's words, cut at a word near this many characters. */
const QUOTE_CHARS = 220;

export function shortQuote(text: string, max = QUOTE_CHARS): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function Quote({ quote, onShow }: { quote: ArticleQuote; onShow?: (q: ArticleQuote) => void }) {
  const { t } = useI18n();
  const id = `quote-${quote.start}-${quote.end}`;
  return (
    <>
      <blockquote class="brief-quote" id={id}>
        {shortQuote(quote.text)}
      </blockquote>
      {onShow ? (
        <button type="button" class="small show-quote" aria-describedby={id} onClick={() => onShow(quote)}>
          {t('showInPage')}
        </button>
      ) : null}
    </>
  );
}

export function ArticleBriefView({
  brief,
  onShowQuote,
}: {
  brief: ArticleBrief;
  /** Asks the page to scroll to and flash the quote (absent where there is no page to ask). */
  onShowQuote?: (q: ArticleQuote) => void;
}) {
  const { t } = useI18n();
  if (brief.claims.length === 0 && !brief.response) return null;
  const sep = t('listSeparator');
  const sentence = (c: BriefClaim) =>
    [
      c.accused ? t('briefAccuses', [c.accuser, c.accused]) : t('briefAccusesNoOne', [c.accuser]),
      c.of.length ? t('briefOf', [c.of.map((o) => t(OF_KEY[o])).join(sep)]) : '',
      c.targets.length ? `(${t('briefTargets', [c.targets.join(sep)])})` : '',
      c.period ? `(${t('briefPeriod', [c.period])})` : '',
    ]
      .filter(Boolean)
      .join(' ');
  return (
    <section class="panel article-brief" aria-labelledby="brief-heading">
      <h2 id="brief-heading">{t('briefHeading')}</h2>
      {brief.claims.length ? (
        <ul class="brief-claims">
          {brief.claims.map((c) => (
            <li key={`${c.quote.start}:${c.quote.end}`} class="brief-claim">
              <p class="brief-sentence">{sentence(c)}</p>
              <Quote quote={c.quote} onShow={onShowQuote} />
            </li>
          ))}
        </ul>
      ) : null}
      {brief.response ? (
        <div class="brief-response">
          <p class="brief-response-label">{t('briefResponse')}</p>
          <Quote quote={brief.response} onShow={onShowQuote} />
        </div>
      ) : null}
    </section>
  );
}
