import { readHtmlDocument } from '../core/engine/node-support';
import { isSkippedElement } from '../core/engine/region';
const doc = readHtmlDocument(process.argv[2]!);
const ps = doc.querySelectorAll('p');
console.log('p count', ps.length);
for (const p of [...ps].slice(0, 60)) {
  const t = (p.textContent ?? '').trim();
  if (t.length < 60) continue;
  let cur: Element | null = p; const chain: string[] = [];
  while (cur) { if (isSkippedElement(cur)) chain.push(cur.tagName + '.' + cur.getAttribute('class') + '#' + cur.getAttribute('id')); cur = cur.parentElement; }
  console.log(t.slice(0, 40), '| skipped by:', chain.join(' < '));
}
