import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { buildKb } from './scripts/kb-build';

// Every permission here is justified in README.md ("Permissions"); tests/unit/manifest.test.ts
// checks that the built manifests ask for exactly that list.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 2000, minify: process.env.SPYGLASS_NO_MINIFY ? false : undefined },
    // Compiled KB data ships as JSON.parse("…"), which engines parse much faster than object literals.
    json: { stringify: true },
    // The extension runs the lexicons without their surface forms, which the matcher already
    // holds (scripts/kb-build.ts writes the module; core/engine/lexicon.ts, runtimeLexiconFile).
    resolve: { alias: [{ find: /^\.\/lexicon-files$/, replacement: resolve('.generated/lexicon-files.ts') }] },
  }),
  hooks: {
    // The knowledge base is validated and compiled before every build: a broken entry fails it.
    'build:before': () => {
      buildKb();
    },
    // The entries ship as a file of their own, read on first use (utils/kb-entries.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: resolve('.generated/kb-entries.json'), relativeDest: 'kb-entries.json' });
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('/kb-entries.json');
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chrome's side panel needs `sidePanel` (WXT also adds it); Firefox's sidebar_action needs none.
    permissions: ['storage', 'contextMenus', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The gate already runs on every page; the same reach lets the background inject the analyser there.
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_actionTitle__' },
    content_scripts: [{ matches: ['<all_urls>'], js: ['gate.js'], run_at: 'document_idle' }],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextMention__',
      },
      'close-card': {
        suggested_key: { default: 'Alt+Shift+X' },
        description: '__MSG_commandCloseCard__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'spyglass@spyglass-extension.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
