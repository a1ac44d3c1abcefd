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
};
