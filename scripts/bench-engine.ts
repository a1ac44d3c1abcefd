/**
 * Matcher cost against text size (10 KB → 10 MB) and alias count
 * (100 → 10,000 synthetic aliases), next to a bare charCodeAt scan of the
 * same text in the same run. Goal: linear in text, flat in aliases, within 3x of the bare scan.
 * First, the start-up cost of the built matcher (.generated/kb-matcher.json, from
 * `npx tsx scripts/kb-build.ts`): size, and JSON.parse + loadMatcher (first call, then median of 50).
 *   npx tsx scripts/bench-engine.ts [--quick]
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildMatcherData } from '../core/engine/analyze';
import { loadMatcher, type Hit } from '../core/engine/matcher';
import type { MatcherPattern } from '../core/engine/types';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;

/** Deterministic pseudo-random numbers, so runs compare. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = (
  'the of and to in a is that for it on was with as by he be at are from this have or an they which said ' +
  'government security officials network report company hackers china united states agency intelligence data ' +
  'systems attack cyber week according people year new also would could minister trade technology researchers'
).split(' ');
const HAN = '美国国家安全局中国网络攻击情报机构报告指出黑客组织窃取数据企业系统技术发布称台风气象'.split('');

function makeText(chars: number, seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  let n = 0;
  while (n < chars) {
    let w: string;
    if (r() < 0.1) {
      w = '';
      for (let k = 0; k < 12; k++) w += HAN[Math.floor(r() * HAN.length)]!;
    } else if (r() < 0.01) w = 'Volt Typhoon';
    else w = WORDS[Math.floor(r() * WORDS.length)]!;
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(' ').slice(0, chars);
}

function makeAliases(count: number, seed: number): MatcherPattern[] {
  const r = rng(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out: MatcherPattern[] = [
    { text: 'Volt Typhoon', id: 'volt-typhoon', kind: 'threat-actor', caseSensitive: false, requiresContext: false },
  ];
  for (let i = 1; i < count; i++) {
    let text = '';
    if (r() < 0.2) {
      const len = 3 + Math.floor(r() * 5);
      for (let k = 0; k < len; k++) text += HAN[Math.floor(r() * HAN.length)]!;
    } else {
      const words = 1 + Math.floor(r() * 3);
      for (let w = 0; w < words; w++) {
        const len = 3 + Math.floor(r() * 8);
        let word = '';
        for (let k = 0; k < len; k++) word += letters[Math.floor(r() * 26)]!;
        text += (w ? ' ' : '') + word;
      }
      if (r() < 0.3) text = `${text} ${WORDS[Math.floor(r() * WORDS.length)]!}`;
    }
    out.push({ text, id: `e${i}`, kind: 'threat-actor', caseSensitive: r() < 0.2, requiresContext: false });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median ms per call; small inputs repeat inside one sample so timer resolution does not dominate. */
function time(fn: () => void): number {
  for (let i = 0; i < 3; i++) fn();
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    if (performance.now() - t >= 20 || reps >= 1 << 14) break;
    reps *= 2;
  }
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    times.push((performance.now() - t) / reps);
  }
  return median(times);
}

/** The floor: read every code unit and do one comparison, as any scanner must. */
function bareScan(text: string): number {
  let spaces = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) spaces++;
  return spaces;
}

let sink = 0;

const built = '.generated/kb-matcher.json';
if (existsSync(built)) {
  const raw = readFileSync(built, 'utf8');
  const parse: number[] = [];
  const load: number[] = [];
  for (let r = 0; r < 50; r++) {
    const t0 = performance.now();
    const data = JSON.parse(raw) as ReturnType<typeof buildMatcherData>;
    const t1 = performance.now();
    sink += loadMatcher(data).count;
    parse.push(t1 - t0);
    load.push(performance.now() - t1);
  }
  console.log(`## start-up: ${built}`);
  console.log(`  ${raw.length} bytes, ${gzipSync(raw).length} gzip`);
  console.log(`  first call: JSON.parse ${parse[0]!.toFixed(3)} ms, loadMatcher ${load[0]!.toFixed(3)} ms`);
  console.log(`  median of 50: JSON.parse ${median(parse).toFixed(3)} ms, loadMatcher ${median(load).toFixed(3)} ms\n`);
}

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 3 : 1).padStart(9);

console.log('## matcher time vs text size (1,000 aliases + lexicon)');
console.log('    size      bare ms   matcher ms   ratio   ns/char   hits');
const m1k = loadMatcher(buildMatcherData(makeAliases(1000, 7)));
const sizes = quick ? [10e3, 100e3, 1e6] : [10e3, 100e3, 1e6, 10e6];
for (const size of sizes) {
  const text = makeText(size, 42);
  let hits: Hit[] = [];
  const bare = time(() => (sink += bareScan(text)));
  const ms = time(() => (hits = m1k.findAll(text)));
  console.log(
    `${String(size / 1e3).padStart(6)} KB ${fmt(bare)} ${fmt(ms)}    ${(ms / bare).toFixed(2).padStart(5)}   ${((ms * 1e6) / size).toFixed(2).padStart(7)}   ${hits.length}`,
  );
}

console.log('\n## matcher time vs alias count (1 MB text)');
console.log('  aliases  build ms  load ms   bare ms   matcher ms   ratio   hits');
const text1m = makeText(quick ? 300e3 : 1e6, 43);
for (const count of [100, 1000, 10000]) {
  const patterns = makeAliases(count, 11);
  let t = performance.now();
  const data = JSON.parse(JSON.stringify(buildMatcherData(patterns))) as ReturnType<typeof buildMatcherData>;
  const build = performance.now() - t;
  t = performance.now();
  const m = loadMatcher(data);
  const load = performance.now() - t;
  let hits: Hit[] = [];
  const bare = time(() => (sink += bareScan(text1m)));
  const ms = time(() => (hits = m.findAll(text1m)));
  console.log(
    `${String(count).padStart(9)} ${fmt(build)} ${fmt(load)} ${fmt(bare)} ${fmt(ms)}    ${(ms / bare).toFixed(2).padStart(5)}   ${hits.length}`,
  );
}
if (sink === -1) console.log(sink);
