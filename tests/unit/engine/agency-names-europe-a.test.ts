/**
 * Agency names as the press of European languages writes them (assets/aliases/<lang>.json):
 * with the real knowledge base, a sentence of ours in each language names an agency and the
 * matcher finds that entry under that name; sentences with a look-alike sense (the East German
 * Stasi, another country's ministry) are not matched to the agency.
 */
import { describe, expect, test } from 'vitest';
import { realKbMatcher } from './helpers';

const real = realKbMatcher();
const matcher = () => real;

/** Every [entry id, matched text] the matcher finds in a sentence. */
function found(sentence: string): [string, string][] {
  const m = matcher();
  return m.findAll(sentence).map((h) => [m.id(h.pattern), sentence.slice(h.start, h.end)]);
}

describe('an agency named as the press of the language writes it is found', () => {
  test.each([
    // German
    [
      'de',
      'Die Gruppe soll im Auftrag des chinesischen Ministeriums für Staatssicherheit gehandelt haben.',
      'mss',
      'chinesischen Ministeriums für Staatssicherheit',
    ],
    [
      'de',
      'Der russische Militärgeheimdienst steckt nach britischen Angaben hinter den Angriffen.',
      'gru',
      'russische Militärgeheimdienst',
    ],
    [
      'de',
      'Ein Offizier des russischen Inlandsgeheimdienstes wurde festgenommen.',
      'fsb',
      'russischen Inlandsgeheimdienstes',
    ],
    [
      'de',
      'Die Hacker werden dem russischen Auslandsgeheimdienst zugerechnet.',
      'svr',
      'russischen Auslandsgeheimdienst',
    ],
    ['de', 'Das Institut gilt als Tarnfirma der Revolutionsgarden.', 'irgc', 'Revolutionsgarden'],
    ['de', 'Die US-Bundespolizei setzte eine Belohnung aus.', 'fbi', 'US-Bundespolizei'],
    ['de', 'Die Einheit 61398 sitzt in Shanghai.', 'pla-unit-61398', 'Einheit 61398'],
    // French
    [
      'fr',
      "Le groupe opérerait pour le ministère chinois de la Sécurité de l'État.",
      'mss',
      "ministère chinois de la Sécurité de l'État",
    ],
    [
      'fr',
      'Londres accuse le renseignement militaire russe de ces cyberattaques.',
      'gru',
      'renseignement militaire russe',
    ],
    ['fr', 'La police fédérale américaine a saisi les serveurs.', 'fbi', 'police fédérale américaine'],
    [
      'fr',
      'La banque gère les comptes des Gardiens de la révolution islamique.',
      'irgc',
      'Gardiens de la révolution islamique',
    ],
    ['fr', 'Le Bureau général de reconnaissance pilote ces pirates.', 'rgb', 'Bureau général de reconnaissance'],
    // Spanish
    ['es', 'El Buró Federal de Investigaciones emitió una alerta.', 'fbi', 'Buró Federal de Investigaciones'],
    [
      'es',
      'Washington sancionó a empresas vinculadas a la Guardia Revolucionaria de Irán.',
      'irgc',
      'Guardia Revolucionaria de Irán',
    ],
    [
      'es',
      'El Servicio de Inteligencia Exterior ruso negó la acusación.',
      'svr',
      'Servicio de Inteligencia Exterior ruso',
    ],
    [
      'es',
      'Según la Agencia de Seguridad Nacional, los espías usaron un troyano.',
      'nsa',
      'Agencia de Seguridad Nacional',
    ],
    // Italian
    [
      'it',
      'Il gruppo è un braccio del Ministero della Sicurezza di Stato cinese.',
      'mss',
      'Ministero della Sicurezza di Stato cinese',
    ],
    [
      'it',
      "Sette agenti dell'intelligence militare russa sono stati incriminati.",
      'gru',
      'intelligence militare russa',
    ],
    ['it', 'Tre membri delle Guardie rivoluzionarie sono accusati di spionaggio.', 'irgc', 'Guardie rivoluzionarie'],
    // Portuguese
    [
      'pt',
      'Os hackers trabalhavam para o Ministério da Segurança do Estado da China.',
      'mss',
      'Ministério da Segurança do Estado da China',
    ],
    [
      'pt',
      'A Guarda Revolucionária Islâmica estaria por trás da espionagem.',
      'irgc',
      'Guarda Revolucionária Islâmica',
    ],
    ['pt', 'A polícia federal americana investiga a invasão.', 'fbi', 'polícia federal americana'],
    // Dutch
    [
      'nl',
      'De drie werkten voor het Chinese ministerie voor Staatsveiligheid.',
      'mss',
      'Chinese ministerie voor Staatsveiligheid',
    ],
    ['nl', 'Vier officieren van de GROe werden het land uitgezet.', 'gru', 'GROe'],
    [
      'nl',
      'De groep valt onder de Russische buitenlandse inlichtingendienst.',
      'svr',
      'Russische buitenlandse inlichtingendienst',
    ],
    ['nl', 'De Iraanse Revolutionaire Garde wordt beschuldigd van hacks.', 'irgc', 'Iraanse Revolutionaire Garde'],
    [
      'nl',
      'De Militaire Inlichtingen en Veiligheidsdienst vond malware.',
      'mivd',
      'Militaire Inlichtingen en Veiligheidsdienst',
    ],
    // Polish
    [
      'pl',
      'Według Reutersa chińskie Ministerstwo Bezpieczeństwa Państwowego wykryło trzy operacje.',
      'mss',
      'chińskie Ministerstwo Bezpieczeństwa Państwowego',
    ],
    [
      'pl',
      'Zarzuty postawiono siedmiu agentom rosyjskiego wywiadu wojskowego.',
      'gru',
      'rosyjskiego wywiadu wojskowego',
    ],
    ['pl', 'Federalna Służba Bezpieczeństwa poinformowała o zatrzymaniu.', 'fsb', 'Federalna Służba Bezpieczeństwa'],
    ['pl', 'Hakerzy weszli do sieci Federalnego Biura Śledczego.', 'fbi', 'Federalnego Biura Śledczego'],
    [
      'pl',
      'Funkcjonariusze Agencji Bezpieczeństwa Wewnętrznego zatrzymali osiem osób.',
      'poland-internal-security-agency',
      'Agencji Bezpieczeństwa Wewnętrznego',
    ],
    // Czech
    ['cs', 'Za útoky podle vyšetřovatelů stojí ruská vojenská rozvědka.', 'gru', 'ruská vojenská rozvědka'],
    ['cs', 'Skupina pracuje pro ruskou Federální bezpečnostní službu.', 'fsb', 'Federální bezpečnostní službu'],
    ['cs', 'Podle soudu stojí za útokem íránské Revoluční gardy.', 'irgc', 'Revoluční gardy'],
    [
      'cs',
      'Krátce předtím čínské Ministerstvo státní bezpečnosti oznámilo nový seznam.',
      'mss',
      'čínské Ministerstvo státní bezpečnosti',
    ],
    // Slovak
    [
      'sk',
      'Obvinenia smerujú voči dôstojníkom ruskej vojenskej spravodajskej služby.',
      'gru',
      'ruskej vojenskej spravodajskej služby',
    ],
    ['sk', 'Federálny úrad pre vyšetrovanie preveruje podozrenia.', 'fbi', 'Federálny úrad pre vyšetrovanie'],
    ['sk', 'Velenie Revolučných gárd zakázalo telefóny.', 'irgc', 'Revolučných gárd'],
    // Hungarian
    ['hu', 'A vád szerint az orosz katonai hírszerzés állt a támadások mögött.', 'gru', 'orosz katonai hírszerzés'],
    [
      'hu',
      'A brit Nemzeti Kiberbiztonsági Központ értékelése szerint.',
      'uk-ncsc',
      'brit Nemzeti Kiberbiztonsági Központ',
    ],
    // Norwegian (bokmål and nynorsk)
    [
      'no',
      'Angrepet knyttes til Russlands militære etterretningstjeneste.',
      'gru',
      'Russlands militære etterretningstjeneste',
    ],
    [
      'no',
      'Aktøren blir knytt til Russlands militære etterretningsteneste.',
      'gru',
      'Russlands militære etterretningsteneste',
    ],
    ['no', 'Programmet drives av Kinas departement for statssikkerhet.', 'mss', 'Kinas departement for statssikkerhet'],
    ['no', 'Det var Irans revolusjonsgarde som sto bak.', 'irgc', 'Irans revolusjonsgarde'],
    // Danish
    [
      'da',
      'Hackerne arbejdede til gavn for Kinas ministerium for statssikkerhed.',
      'mss',
      'Kinas ministerium for statssikkerhed',
    ],
    [
      'da',
      'Han er officer i Ruslands militære efterretningstjeneste.',
      'gru',
      'Ruslands militære efterretningstjeneste',
    ],
    // Swedish
    [
      'sv',
      'Intrånget genomfördes av den ryska militära underrättelsetjänsten.',
      'gru',
      'ryska militära underrättelsetjänsten',
    ],
    // Hungarian (an inflected form as the press writes it)
    [
      'hu',
      'A két hacker a kínai állambiztonsági minisztériummal együttműködve dolgozott.',
      'mss',
      'kínai állambiztonsági minisztériummal',
    ],
    // Estonian
    ['et', 'Rühmitust peetakse Hiina julgeolekuministeeriumi käepikenduseks.', 'mss', 'Hiina julgeolekuministeeriumi'],
    // Finnish
    ['fi', 'Asiasta kertoi liittovaltion keskusrikospoliisi FBI:n johtaja.', 'fbi', 'liittovaltion keskusrikospoliisi'],
    // Latvian (a new alias file)
    [
      'lv',
      'Paziņojums par Krievijas armijas izlūkošanas pārvaldes uzbrukumiem.',
      'gru',
      'Krievijas armijas izlūkošanas pārvaldes',
    ],
    [
      'lv',
      'Valsts drošības dienesta ziņojumā teikts, ka riski nav mazinājušies.',
      'latvia-state-security-service',
      'Valsts drošības dienesta',
    ],
    // Lithuanian
    [
      'lt',
      'Valstybės saugumo departamento atstovė sakė, kad incidentas tiriamas.',
      'lithuania-state-security-department',
      'Valstybės saugumo departamento',
    ],
    // Romanian (cedilla and comma-below spellings both occur)
    [
      'ro',
      'Estonia a acuzat Serviciul de informaţii militare al armatei ruse.',
      'gru',
      'Serviciul de informaţii militare al armatei ruse',
    ],
    [
      'ro',
      'Estonia a acuzat Serviciul de informații militare al armatei ruse.',
      'gru',
      'Serviciul de informații militare al armatei ruse',
    ],
    [
      'ro',
      'Ministerul Securității Statului din China a devenit principala forță.',
      'mss',
      'Ministerul Securității Statului din China',
    ],
    // Greek (capitals without accents are folded)
    ['el', 'ΜΟΝΑΔΑ ΤΗΣ ΥΠΗΡΕΣΙΑΣ ΠΛΗΡΟΦΟΡΙΩΝ ΤΟΥ ΡΩΣΙΚΟΥ ΣΤΡΑΤΟΥ', 'gru', 'ΥΠΗΡΕΣΙΑΣ ΠΛΗΡΟΦΟΡΙΩΝ ΤΟΥ ΡΩΣΙΚΟΥ ΣΤΡΑΤΟΥ'],
    // Slovak
    ['sk', 'Ruská Služba zahraničnej rozviedky sa na útoku nezúčastnila.', 'svr', 'Služba zahraničnej rozviedky'],
    // Later additions: China's public security ministry, Iran's intelligence ministry, the UK NCSC
    [
      'fr',
      'Deux sont employés par le ministère chinois de la Sécurité publique.',
      'mps',
      'ministère chinois de la Sécurité publique',
    ],
    [
      'es',
      'Dos funcionarios del Ministerio de Seguridad Pública de China fueron acusados.',
      'mps',
      'Ministerio de Seguridad Pública de China',
    ],
    [
      'de',
      'Sanktionen gegen das Ministerium für Geheimdienste und Sicherheit des Iran.',
      'mois',
      'Ministerium für Geheimdienste und Sicherheit',
    ],
    [
      'es',
      'Sanciones al Ministerio de Inteligencia y Seguridad de Irán y a su titular.',
      'mois',
      'Ministerio de Inteligencia y Seguridad de Irán',
    ],
    [
      'de',
      'Das britische nationale Zentrum für Cybersicherheit warnte.',
      'uk-ncsc',
      'britische nationale Zentrum für Cybersicherheit',
    ],
    [
      'fr',
      'Le centre national de la cybersécurité britannique s’alarme.',
      'uk-ncsc',
      'centre national de la cybersécurité britannique',
    ],
    ['fi', 'Upseerit toimivat Venäjän ulkomaantiedustelun alaisuudessa.', 'svr', 'Venäjän ulkomaantiedustelun'],
    ['no', 'Diplomatene jobbet for Russlands utenlandsetterretning SVR.', 'svr', 'Russlands utenlandsetterretning'],
    [
      'pl',
      'Hakerzy związani z rosyjską Służbą Wywiadu Zagranicznego prowadzą kampanię.',
      'svr',
      'rosyjską Służbą Wywiadu Zagranicznego',
    ],
    ['it', "Dietro ci sarebbero i servizi segreti russi per l'estero.", 'svr', "servizi segreti russi per l'estero"],
    ['hu', 'Az orosz FSZB-hez köthető hekkerszervezetek támadtak.', 'fsb', 'FSZB'],
    ['hu', 'A portálok az orosz polgári hírszerzéshez (SZVR) köthetők.', 'svr', 'SZVR'],
    [
      'el',
      'Το ιρανικό κράτος, μέσω των Φρουρών της Επανάστασης, πραγματοποίησε κυβερνοπειρατεία.',
      'irgc',
      'Φρουρών της Επανάστασης',
    ],
    [
      'it',
      "I furti sono riconducibili a gruppi controllati dall'Ufficio generale di ricognizione.",
      'rgb',
      'Ufficio generale di ricognizione',
    ],
  ])('%s: %s', (_lang, sentence, id, text) => {
    expect(found(sentence)).toContainEqual([id, text]);
  });
});

describe('a look-alike sense is not taken for the agency', () => {
  test.each([
    ['de', 'Das Ministerium für Staatssicherheit der DDR bespitzelte Millionen Menschen.', 'mss'],
    ['fr', "Le ministère de la Sécurité d'État est-allemand surveillait la population.", 'mss'],
    ['es', 'El Ministerio para la Seguridad del Estado de la RDA espiaba a sus ciudadanos.', 'mss'],
    ['it', 'Il Ministero per la Sicurezza di Stato della DDR spiava i cittadini.', 'mss'],
    ['nl', 'Het woord groei staat in GROEI en groen, niet in een dienst.', 'gru'],
    ['pl', 'Ministerstwo Bezpieczeństwa Państwowego NRD inwigilowało obywateli.', 'mss'],
    ['da', 'Ministeriet for Statssikkerhed i DDR overvågede borgerne.', 'mss'],
    ['no', 'Den militære etterretningstjenesten i Norge la fram sin rapport.', 'gru'],
    ['ro', 'Serviciul de Informații Externe al României a publicat raportul.', 'svr'],
    ['de', 'Das vietnamesische Ministerium für öffentliche Sicherheit nahm ihn fest.', 'mps'],
    ['fi', 'Puolustusvoimien sotilastiedustelu julkaisi katsauksen.', 'gru'],
    ['pl', 'Służba Wywiadu Zagranicznego Ukrainy przekazała informacje.', 'svr'],
  ])('%s: %s', (_lang, sentence, id) => {
    expect(found(sentence).map(([foundId]) => foundId)).not.toContain(id);
  });
});

describe('a generic name is marked as needing context (the analysis keeps it only near cue words)', () => {
  test.each([
    // Greek "Υπουργείο Κρατικής Ασφάλειας" is also the East German Stasi: matched only near cue words.
    ['el', 'Το Υπουργείο Κρατικής Ασφάλειας της Ανατολικής Γερμανίας', 'mss', 'Υπουργείο Κρατικής Ασφάλειας'],
    ['es', 'La Agencia de Seguridad Nacional publicó un informe.', 'nsa', 'Agencia de Seguridad Nacional'],
  ])('%s: %s', (_lang, sentence, id, text) => {
    const m = matcher();
    const hit = m.findAll(sentence).find((h) => m.id(h.pattern) === id && sentence.slice(h.start, h.end) === text);
    expect(hit).toBeDefined();
    expect(m.requiresContext(hit!.pattern)).toBe(true);
  });
});
