import { compileMatcher, loadMatcher } from '../core/engine/matcher';
const pats = [
 { text: 'NSA', id: 'nsa', kind: 'organization' as const, caseSensitive: true, requiresContext: false },
 { text: 'National Security Agency', id: 'nsa', kind: 'organization' as const, caseSensitive: false, requiresContext: false },
 { text: 'Volt Typhoon', id: 'volt-typhoon', kind: 'threat-actor' as const, caseSensitive: false, requiresContext: false },
 { text: '伏特台风', id: 'volt-typhoon', kind: 'threat-actor' as const, caseSensitive: false, requiresContext: false },
 { text: 'APT41', id: 'apt41', kind: 'threat-actor' as const, caseSensitive: true, requiresContext: false },
 { text: 'APT4', id: 'apt4', kind: 'threat-actor' as const, caseSensitive: true, requiresContext: false },
 { text: '美国国家安全局', id: 'nsa', kind: 'organization' as const, caseSensitive: false, requiresContext: false },
 { text: '国家安全局', id: 'x', kind: 'organization' as const, caseSensitive: false, requiresContext: false },
];
const m = loadMatcher(JSON.parse(JSON.stringify(compileMatcher(pats, [{text:'hack',term:0,caseSensitive:false,prefix:true}]))));
for (const t of ['The NSA and nsa and dnsa; the National  security\nAgency', 'VOLT TYPHOON hackers; ＡＰＴ４１ and APT41s and APT4', '据报道，伏特台风是美国国家安全局的行动。', 'hackers hacked shack']) {
  console.log(t, m.findAll(t).map(h => `${m.patterns[h.pattern]!.id||'lex'}:${t.slice(h.start,h.end)}@${h.start}`));
}
