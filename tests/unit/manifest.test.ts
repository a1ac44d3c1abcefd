/** Both built manifests ask for exactly the permissions the README justifies. Runs after `npm run build`. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const README = readFileSync('README.md', 'utf8');
const section = README.slice(README.indexOf('## Permissions'), README.indexOf('## Privacy'));
const rows = [...section.matchAll(/^\|\s*`([^`]+)`( \(Chrome only\))?\s*\|/gm)];
const justified = rows.map((m) => m[1]);
/** Rows marked "(Chrome only)": Firefox's equivalent needs no permission. */
const chromeOnly = new Set(rows.filter((m) => m[2]).map((m) => m[1]));

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (target) => {
  const path = `.output/${target}/manifest.json`;
  test('exists (run npm run build first)', () => {
    expect(existsSync(path)).toBe(true);
  });
  const manifest = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as {
        permissions?: string[];
        host_permissions?: string[];
        optional_permissions?: string[];
        content_scripts?: { matches: string[]; js: string[] }[];
        browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
        side_panel?: { default_path?: string };
        sidebar_action?: { default_panel?: string };
      })
    : {};

  test('API permissions are exactly the README list', () => {
    const expected = justified.filter((p) => target === 'chrome-mv3' || !chromeOnly.has(p!));
    expect([...(manifest.permissions ?? [])].sort()).toEqual(expected.sort());
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  test('host access is the one the README justifies, used by the one tiny gate script', () => {
    expect(manifest.host_permissions).toEqual(['<all_urls>']);
    expect(section).toContain('`<all_urls>`');
    expect(manifest.content_scripts).toEqual([{ matches: ['<all_urls>'], js: ['gate.js'], run_at: 'document_idle' }]);
  });

  test('the side panel is declared the way the browser expects', () => {
    if (target === 'chrome-mv3') {
      expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
      expect(manifest.sidebar_action).toBeUndefined();
    } else {
      expect(manifest.sidebar_action?.default_panel).toBe('sidepanel.html');
      expect(manifest.side_panel).toBeUndefined();
    }
  });

  if (target === 'firefox-mv3')
    test('has a gecko id and a minimum version with the Custom Highlight API', () => {
      expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/@/);
      expect(
        Number(manifest.browser_specific_settings?.gecko?.strict_min_version?.split('.')[0]),
      ).toBeGreaterThanOrEqual(140);
    });
});

test('built bundles contain no remote code or eval', () => {
  for (const target of ['chrome-mv3', 'firefox-mv3']) {
    for (const file of ['gate.js', 'analyzer.js', 'background.js']) {
      const code = readFileSync(`.output/${target}/${file}`, 'utf8');
      expect(code, `${target}/${file}`).not.toMatch(/\beval\(|new Function\(|importScripts\(\s*['"`]https?:/);
      expect(code, `${target}/${file}`).not.toMatch(/fetch\(\s*['"`]https?:/);
    }
  }
});
