/**
 * Exports a saved page as the popup does: Markdown or a STIX 2.1 bundle, printed to stdout.
 *   npm run export -- page.html --format stix|md [--url https://…]
 * The page is read and analysed by the same code as the extension (core/pipeline), with the
 * default settings, as when the reader asks "Analyse this page". The article's address is
 * --url, else the page's canonical link or og:url, else the file's own file: address.
 */
import { readFileSync } from 'node:fs';
import { exportText, nodeKb, readSavedPage } from '../core/pipeline/export-page';

const USAGE = 'usage: npm run export -- <page.html> --format stix|md [--url <address>]';

function parseArgs(argv: string[]): { file: string; format: 'stix' | 'md'; url?: string } {
  const args = argv.filter((a) => a !== '--');
  let file: string | undefined;
  let format: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format') format = args[++i];
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--url') url = args[++i];
    else if (a.startsWith('--url=')) url = a.slice('--url='.length);
    else if (!a.startsWith('--') && file === undefined) file = a;
    else throw new Error(`unexpected argument: ${a}`);
  }
  if (!file) throw new Error('no page given');
  if (format !== 'stix' && format !== 'md') throw new Error('--format must be stix or md');
  return { file, format, ...(url ? { url } : {}) };
}

function main(): void {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(opts.file);
  } catch (err) {
    console.error(`cannot read ${opts.file}: ${(err as Error).message}`);
    process.exit(1);
  }
  const kb = nodeKb();
  const { context } = readSavedPage(bytes, opts.file, kb, opts.url);
  process.stdout.write(exportText(context, opts.format, kb.asOf));
}

main();
