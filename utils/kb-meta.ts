/** Knowledge-base figures for the About section, without pulling the entries into the bundle. */
import type { KbMeta } from '../core/kb/meta';
import metaJson from '../.generated/kb-meta.json';

export const KB_META = metaJson as unknown as KbMeta;
