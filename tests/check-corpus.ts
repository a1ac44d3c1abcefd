/** First step of `npm run test:corpus`: stop with one sentence, before any test runs, when the corpus is missing. */
import { CORPUS_MISSING, corpusPath, isCorpus } from './corpus';

if (!isCorpus(corpusPath())) {
  console.error(CORPUS_MISSING);
  process.exit(1);
}
