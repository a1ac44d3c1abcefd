/**
 * A static server on 127.0.0.1 for our fixture pages (/fixtures/), the shared corpus (/corpus/)
 * and pages generated on request (/gen/: too big to keep as files, see generatePage()).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { corpusPath } from '../corpus';

export const FIXTURE_DIR = resolve('tests/fixtures/pages');
/** Our article fixtures in every language (tests/fixtures/articles, with per-language folders). */
export const ARTICLE_DIR = resolve('tests/fixtures/articles');
/** The shared corpus (its pages/ served under /corpus/): only *.corpus.test.ts files and the benchmarks use it. */
export const CORPUS_DIR = corpusPath();

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const STRICT_CSP = "default-src 'none'; style-src 'self'";

export interface StaticServer {
  origin: string;
  /** Every path requested, in order (tests use it to prove no other traffic happened). */
  requests: string[];
  close(): Promise<void>;
}

export async function startServer(): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const [, root, ...rest] = url.pathname.split('/');
    if (root === 'gen') {
      const name = rest.join('/');
      const html = generatePage(name, url.searchParams, req.headers.host ?? '');
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
      if (name.includes('strict-csp')) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(html === undefined ? 404 : 200, headers);
      res.end(html ?? 'not found');
      return;
    }
    const base =
      root === 'fixtures'
        ? FIXTURE_DIR
        : root === 'articles'
          ? ARTICLE_DIR
          : root === 'corpus'
            ? join(CORPUS_DIR, 'pages')
            : undefined;
    const file = base ? normalize(join(base, ...rest.map(decodeURIComponent))) : undefined;
    if (!base || !file || !file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    // A fixture can ask for a strict Content-Security-Policy by its name.
    if (file.includes('strict-csp')) headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${addr.port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Our own paragraphs about cyber-espionage (written for these tests), reused by generated pages. */
export const ESPIONAGE_PARAGRAPHS = [
  "China's CNCERT/CC said this week that it had traced two cyberattacks on domestic research institutes to US " +
    'intelligence agencies, alleging that the intruders stole design documents. Washington did not respond.',
  'US officials have in turn linked Volt Typhoon and Salt Typhoon to intrusions into telecommunications carriers ' +
    'and critical infrastructure, claims that the Chinese foreign ministry rejected as a smear campaign.',
  'The Justice Department charged alleged members of APT41 in 2020 with computer intrusions, and the Commerce ' +
    'Department added further Chinese firms to the Entity List as part of its chip export controls.',
  'Analysts note that public attribution of state-sponsored hacking is hard to verify independently, and that ' +
    'both governments publish such reports on cyber-espionage to shape opinion at home and abroad.',
];

const page = (title: string, body: string, opts: { doctype?: boolean; html?: string; head?: string } = {}) =>
  `${opts.doctype === false ? '' : '<!doctype html>'}<html ${opts.html ?? 'lang="en"'}><head><meta charset="utf-8">` +
  `<title>${title}</title>${opts.head ?? ''}</head><body>${body}` +
  // Proof that the page's own script still runs and its DOM still works.
  (opts.head?.includes('no-page-script') ? '' : PAGE_ALIVE) +
  `</body></html>`;
const PAGE_ALIVE =
  '<button id="alive" type="button" onclick="this.dataset.clicks = String(Number(this.dataset.clicks || 0) + 1)">Alive</button>';
/** Runs first in the page's main world and breaks built-ins the way hostile or old sites do. */
const OVERRIDES = `<script>
  window.__orig = { CSS: window.CSS, map: Array.prototype.map, appendChild: Node.prototype.appendChild };
  Array.prototype.map = function () { return []; };
  Node.prototype.appendChild = function () { throw new Error('appendChild is disabled on this page'); };
  Element.prototype.attachShadow = function () { throw new Error('no shadow roots here'); };
  window.CSS = { supports: () => false };
  window.Highlight = function () {};
  JSON.parse = function () { return {}; };
  window.__restore = function () {
    Array.prototype.map = window.__orig.map;
    Node.prototype.appendChild = window.__orig.appendChild;
    window.CSS = window.__orig.CSS;
  };
</script>`;
const article = (title: string) => `<h1>${title}</h1>${ESPIONAGE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}`;

/** Pages built on request: too big to keep as files, or variations of one article. Sizes are capped. */
function generatePage(name: string, q: URLSearchParams, host: string): string | undefined {
  const n = (key: string, def: number, max: number) => Math.max(1, Math.min(max, Number(q.get(key)) || def));
  switch (name) {
    case 'many-elements': {
      // An article followed by a long list of small elements (n in total).
      const count = n('n', 100_000, 200_000);
      const cells = '<span class="cell">x</span>'.repeat(count);
      return page(
        'Many elements: a cyber-espionage article',
        `<article>${article('Many elements')}</article><div id="grid">${cells}</div>`,
      );
    }
    case 'deep-nesting': {
      // The article sits at the bottom of n nested divs.
      const depth = n('n', 5_000, 20_000);
      return page(
        'Deep nesting: a cyber-espionage article',
        `${'<div class="d">'.repeat(depth)}<article id="deep">${article('Deep nesting')}</article>${'</div>'.repeat(depth)}`,
      );
    }
    case 'big-text': {
      // One text node of about mb megabytes, made of the article's paragraphs repeated.
      const bytes = n('mb', 5, 20) * 1024 * 1024;
      const unit = `${ESPIONAGE_PARAGRAPHS.join(' ')} `;
      const text = unit.repeat(Math.ceil(bytes / unit.length));
      return page(
        'One huge text node: cyber-espionage',
        `<article><h1>Huge text</h1><p id="huge">${text}</p></article>`,
      );
    }
    case 'editable':
      // Names inside editable regions and form fields must never be painted.
      return page(
        'Editable regions in a cyber-espionage article',
        `<article>${article('Editable regions')}` +
          `<div id="editor" contenteditable="true"><p>Draft: investigators said Mustang Panda hacked ministries in a cyber-espionage campaign, and APT28 was blamed too.</p></div>` +
          `<div contenteditable="plaintext-only"><p>Notes: Lazarus Group and Sandworm intrusions, state-sponsored hacking and espionage.</p></div>` +
          `<form><textarea id="ta">Silk Typhoon hacking and cyber-espionage by APT31</textarea><input id="in" value="Flax Typhoon espionage"></form>` +
          `</article>`,
      );
    case 'frames': {
      // The article with a same-origin and a cross-origin (localhost vs 127.0.0.1) frame.
      const port = host.split(':')[1] ?? '';
      return page(
        'Frames around a cyber-espionage article',
        `<article>${article('Frames')}</article>` +
          `<iframe id="same" src="/gen/frame-child" width="600" height="300"></iframe>` +
          `<iframe id="cross" src="http://localhost:${port}/gen/frame-child" width="600" height="300"></iframe>`,
      );
    }
    case 'frame-child':
      return page('A framed cyber-espionage article', `<article>${article('Framed')}</article>`);
    case 'shadow':
      // Part of the article lives in the page's own (open and closed) shadow roots.
      return page(
        'Shadow DOM: a cyber-espionage article',
        `<article id="story">${article('Shadow DOM')}<div id="open-host"></div><div id="closed-host"></div></article>` +
          `<script>
            const o = document.getElementById('open-host').attachShadow({ mode: 'open' });
            o.innerHTML = '<style>p { color: rgb(1, 2, 3); }</style><p id="inner">Inside the open root, Salt Typhoon and APT41 are named.</p>';
            const c = document.getElementById('closed-host').attachShadow({ mode: 'closed' });
            c.innerHTML = '<p>Inside the closed root, Volt Typhoon is named.</p>';
            window.__closedRoot = c;
          </script>`,
      );
    case 'strict-csp':
      return page(
        'Strict CSP: a cyber-espionage article',
        `<article>${article('Strict Content-Security-Policy')}</article>`,
        {
          head: '<!-- no-page-script -->',
        },
      );
    case 'quirks':
      return page(
        'Quirks mode: a cyber-espionage article',
        `<table><tr><td><article>${article('Quirks mode')}</article></td></tr></table>`,
        {
          doctype: false,
        },
      );
    case 'overrides':
      return page(
        'Overridden built-ins: a cyber-espionage article',
        `<article>${article('Overridden built-ins')}</article>`,
        {
          head: OVERRIDES,
        },
      );
    case 'rtl':
      return page(
        'Right to left: a cyber-espionage article',
        `<article>${article('Right to left')}<p dir="rtl">قال مسؤولون إن مجموعة APT41 نفذت عمليات تجسس إلكتروني، وهو ما نفته بكين.</p></article>`,
        { html: 'lang="en" dir="rtl"' },
      );
    case 'markup-as-text':
      // Markup that must stay text: next to a known name, in the title and in the body.
      return page(
        'APT41 &lt;img src=x onerror="window.__pwned=1"&gt; cyber-espionage',
        `<article>${article('Markup as text')}<p id="bait">The report named APT41&lt;img src=x onerror="window.__pwned=1"&gt; and ` +
          `&lt;script&gt;window.__pwned=2&lt;/script&gt;Salt Typhoon in a hacking and cyber-espionage campaign.</p></article>`,
      );
    default:
      return undefined;
  }
}
