/**
 * Ranks the atlas-only entries (groups, or malware / spyware / tools, that have no hand-written entry yet)
 * by how often reports and news name them, so cards can be written for the most-named first.
 *   npx tsx scripts/kb-rank.ts [--kind threat-actor|malware] [--top N] [--json]
 *
 * Rule (core/kb/rank.ts): score = citations + users + 2 × reportDocs + 3 × newsDocs, where
 * - citations: distinct dated report citations (by URL, else title) in ATT&CK's record of the entity
 *   (../shared/data/threat-naming/attack-groups.json or attack-software.json, matched by ATT&CK id,
 *   else by an exact name);
 * - users (malware only): ATT&CK groups whose software list holds the entity;
 * - newsDocs: news documents naming the entity by its name or any alias: the 1,000 CASIE articles
 *   (../shared/corpus/casie.jsonl, title + text) and the saved news pages (corpus pages not from AttacKG);
 * - reportDocs: the saved vendor-report pages (AttacKG pages of ../shared/corpus/pages).
 * Disputed names and names under three characters never count; a name found in any document not about
 * security (corpus pages labelled "other" in the manifest) is an ordinary word and never counts. The entry's
 * name counts with the letter case and flags of the alias spelt the same, else only as written (case-sensitive).
 * Page text is the HTML without scripts, styles and tags. Ties are broken by name. Same data, same ranking.
 * Corpus folder: ../shared/corpus from the repository root, or $SPYGLASS_CORPUS; data: $SPYGLASS_NAMING.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findHandMatch, handKeyOf, type HandKey } from '../core/kb/layers';
import { KB_DIR, readJsonDir } from '../core/kb/load-node';
import {
  datedCitationCount,
  indexDocs,
  mentionComponents,
  rankRows,
  userCount,
  type Citation,
  type RankDoc,
  type RankName,
} from '../core/kb/rank';

const root = process.cwd();
const corpus = process.env.SPYGLASS_CORPUS ?? resolve(root, '../shared/corpus');
const naming = process.env.SPYGLASS_NAMING ?? resolve(root, '../shared/data/threat-naming');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const kind = arg('--kind') ?? 'threat-actor';
if (kind !== 'threat-actor' && kind !== 'malware') {
  console.error('--kind must be threat-actor or malware');
  process.exit(2);
}
const top = Number(arg('--top') ?? 50);
const asJson = process.argv.includes('--json');

interface AttackRecord {
  attackId: string;
  name: string;
  aliases?: string[];
  software?: string[];
  citations?: Citation[];
}
const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const groups = readJson<AttackRecord[]>(join(naming, 'attack-groups.json'));
const software = readJson<AttackRecord[]>(join(naming, 'attack-software.json'));
const attackRecords = kind === 'threat-actor' ? groups : software;
const byAttackId = new Map(attackRecords.map((r) => [r.attackId, r]));
const byName = new Map(attackRecords.map((r) => [r.name.toLowerCase(), r]));

function htmlText(html: string): string {
  return html
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

function readDocs(): RankDoc[] {
  const docs: RankDoc[] = [];
  for (const line of readFileSync(join(corpus, 'casie.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { title?: string; text?: string };
    docs.push({ text: `${r.title ?? ''}\n${r.text ?? ''}`, news: true, topical: true });
  }
  const manifest = readJson<{ file: string; label: string; source_repo: string }[]>(join(corpus, 'manifest.json'));
  for (const m of manifest) {
    docs.push({
      text: htmlText(readFileSync(join(corpus, m.file), 'utf8')),
      news: m.source_repo !== 'li-zhenyuan/AttacKG',
      topical: m.label !== 'other',
    });
  }
  return docs;
}

interface AtlasEntry {
  id: string;
  kind: string;
  name: string;
  attackId?: string;
  softwareType?: string;
  aliases: (RankName & { primary?: boolean })[];
}

const hands = readJsonDir(root, KB_DIR)
  .map((f) => handKeyOf(f.data))
  .filter((k): k is HandKey => k !== undefined);
const atlasOnly = readJsonDir(root, `assets/atlas/${kind}`)
  .map((f) => f.data as AtlasEntry)
  .filter((e) => e.kind === kind)
  .filter((e) => {
    const names = [e.name, ...e.aliases.filter((a) => a.primary).map((a) => a.text)].map((n) => n.toLowerCase());
    return !findHandMatch({ ...e, names }, hands);
  });

const index = indexDocs(readDocs());
const rows = atlasOnly.map((e) => {
  const record = (e.attackId ? byAttackId.get(e.attackId) : undefined) ?? byName.get(e.name.toLowerCase());
  const sameAlias = e.aliases.some((a) => a.text === e.name);
  const names: RankName[] = sameAlias ? e.aliases : [{ text: e.name, caseSensitive: true }, ...e.aliases];
  return {
    id: e.id,
    name: e.name,
    attackId: record?.attackId ?? e.attackId ?? '',
    type: e.softwareType ?? '',
    citations: datedCitationCount(record?.citations ?? []),
    users: kind === 'malware' && record ? userCount(record.attackId, groups) : 0,
    ...mentionComponents(names, index),
  };
});
const ranked = rankRows(rows).slice(0, top);

if (asJson) {
  console.log(JSON.stringify(ranked, null, 2));
} else {
  console.log(
    `${kind}: ${atlasOnly.length} atlas-only entries, ${index.docs.length} documents; score = citations + users + 2×reportDocs + 3×newsDocs`,
  );
  const head = ['#', 'score', 'cites', 'users', 'news', 'reports', 'attack', kind === 'malware' ? 'type' : '', 'id'];
  console.log(head.filter(Boolean).join('\t'));
  ranked.forEach((r, i) => {
    const row = [i + 1, r.score, r.citations, r.users, r.newsDocs, r.reportDocs, r.attackId || '-'];
    if (kind === 'malware') row.push(r.type || '-');
    row.push(`${r.id} (${r.name})`);
    console.log(row.join('\t'));
  });
}
