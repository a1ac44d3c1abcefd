/**
 * Every lexicon file, imported statically so Node scripts, tests and the background bundle load
 * the same data with no build step in between. tests/unit/engine/lexicon.test.ts checks that every
 * file in assets/lexicon/ is listed here.
 */
import type { LexiconFile } from './lexicon';
import enData from '../../assets/lexicon/en.json';
import zhData from '../../assets/lexicon/zh.json';
import esData from '../../assets/lexicon/es.json';
import ptData from '../../assets/lexicon/pt.json';
import frData from '../../assets/lexicon/fr.json';
import deData from '../../assets/lexicon/de.json';
import itData from '../../assets/lexicon/it.json';
import nlData from '../../assets/lexicon/nl.json';
import plData from '../../assets/lexicon/pl.json';
import ruData from '../../assets/lexicon/ru.json';
import ukData from '../../assets/lexicon/uk.json';
import jaData from '../../assets/lexicon/ja.json';
import koData from '../../assets/lexicon/ko.json';
import arData from '../../assets/lexicon/ar.json';
import intlData from '../../assets/lexicon/intl.json';
import csData from '../../assets/lexicon/cs.json';
import skData from '../../assets/lexicon/sk.json';
import svData from '../../assets/lexicon/sv.json';
import noData from '../../assets/lexicon/no.json';
import daData from '../../assets/lexicon/da.json';
import ltData from '../../assets/lexicon/lt.json';
import lvData from '../../assets/lexicon/lv.json';
import viData from '../../assets/lexicon/vi.json';
import trData from '../../assets/lexicon/tr.json';
import idData from '../../assets/lexicon/id.json';
import msData from '../../assets/lexicon/ms.json';
import roData from '../../assets/lexicon/ro.json';
import huData from '../../assets/lexicon/hu.json';
import fiData from '../../assets/lexicon/fi.json';
import etData from '../../assets/lexicon/et.json';

export const LEXICON_FILES: Record<string, LexiconFile> = {
  en: enData as LexiconFile,
  zh: zhData as LexiconFile,
  es: esData as LexiconFile,
  pt: ptData as LexiconFile,
  fr: frData as LexiconFile,
  de: deData as LexiconFile,
  it: itData as LexiconFile,
  nl: nlData as LexiconFile,
  pl: plData as LexiconFile,
  ru: ruData as LexiconFile,
  uk: ukData as LexiconFile,
  ja: jaData as LexiconFile,
  ko: koData as LexiconFile,
  ar: arData as LexiconFile,
  intl: intlData as LexiconFile,
  cs: csData as LexiconFile,
  sk: skData as LexiconFile,
  sv: svData as LexiconFile,
  no: noData as LexiconFile,
  da: daData as LexiconFile,
  lt: ltData as LexiconFile,
  lv: lvData as LexiconFile,
  vi: viData as LexiconFile,
  tr: trData as LexiconFile,
  id: idData as LexiconFile,
  ms: msData as LexiconFile,
  ro: roData as LexiconFile,
  hu: huData as LexiconFile,
  fi: fiData as LexiconFile,
  et: etData as LexiconFile,
};
