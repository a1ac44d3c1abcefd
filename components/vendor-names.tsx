/** An actor's "names across vendors": each name, who coined it, current or former, disputed. */
import type { VendorName } from '../core/kb/entry-view';
import { useI18n } from './i18n';

export function VendorNames({ rows, limit, idBase }: { rows: VendorName[]; limit?: number; idBase: string }) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  const shown = limit === undefined ? rows : rows.slice(0, limit);
  const captionId = `${idBase}-vendor-names`;
  return (
    <section class="vendor-names" aria-labelledby={captionId}>
      <table>
        <caption id={captionId}>{t('vendorNames')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colName')}</th>
            <th scope="col">{t('colCoinedBy')}</th>
            <th scope="col">{t('colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.text} class={r.disputed ? 'disputed' : r.former ? 'former' : undefined}>
              <th scope="row" lang={r.lang === 'other' ? undefined : r.lang}>
                {r.text}
              </th>
              <td>{r.coinedBy ?? (r.selfNamed ? t('selfNamed') : <span class="muted">{t('coinerUnknown')}</span>)}</td>
              <td>{r.disputed ? t('statusDisputed') : r.former ? t('statusFormer') : t('statusCurrent')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < rows.length ? (
        <p class="muted small-print">{t('vendorNamesMore', [rows.length - shown.length])}</p>
      ) : null}
    </section>
  );
}
