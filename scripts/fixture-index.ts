/**
 * Our article fixtures: tests/fixtures/articles/index.json and one index.json per language folder
 * (tests/fixtures/articles/<lang>/index.json). Node only; used by eval and the tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureRow {
  /** Path relative to tests/fixtures/articles. */
  file: string;
  espionage: boolean;
  lang: string;
  isArticle?: boolean;
  note?: string;
}

export const FIXTURE_DIR = 'tests/fixtures/articles';

export function readFixtureIndex(root = process.cwd()): FixtureRow[] {
  const dir = join(root, FIXTURE_DIR);
  const rows = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as FixtureRow[];
  for (const name of readdirSync(dir).sort()) {
    const sub = join(dir, name);
    if (!statSync(sub).isDirectory() || !existsSync(join(sub, 'index.json'))) continue;
    const more = JSON.parse(readFileSync(join(sub, 'index.json'), 'utf8')) as FixtureRow[];
    for (const r of more) rows.push({ ...r, file: `${name}/${r.file.replace(/^.*\//, '')}` });
  }
  return rows;
}
