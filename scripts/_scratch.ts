import { analyzeDocument } from '../core/engine/analyze';
import { isProbablyArticle } from '../core/engine/gate';
import { readHtmlDocument } from '../core/engine/node-support';
import { findArticleRegion, collectRegionText } from '../core/engine/region';
import { loadMatcher, compileMatcher } from '../core/engine/matcher';
const m = loadMatcher(compileMatcher([]));
for (const f of process.argv.slice(2)) {
  const doc = readHtmlDocument(f);
  const root = findArticleRegion(doc)!;
  const r = collectRegionText(root, doc.title);
  const a = analyzeDocument(doc, { matcher: m });
  console.log(f.split('/').pop(), 'gate', isProbablyArticle(doc), 'root', root.tagName, root.getAttribute('class'), root.getAttribute('id'), 'len', r.text.length, 'links', r.linkChars, 'article', a.isArticle, JSON.stringify(r.text.slice(0, 300)));
}
