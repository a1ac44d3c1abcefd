/** A static server on 127.0.0.1 for our fixture pages (/fixtures/) and the shared corpus (/corpus/). */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

export const FIXTURE_DIR = resolve('tests/fixtures/pages');
export const CORPUS_DIR = resolve(process.env.SPYGLASS_CORPUS ?? '../shared/corpus');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

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
    const base = root === 'fixtures' ? FIXTURE_DIR : root === 'corpus' ? join(CORPUS_DIR, 'pages') : undefined;
    const file = base ? normalize(join(base, ...rest.map(decodeURIComponent))) : undefined;
    if (!base || !file || !file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    // A fixture can ask for a strict Content-Security-Policy by its name.
    if (file.includes('strict-csp')) headers['content-security-policy'] = "default-src 'none'; style-src 'self'";
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
