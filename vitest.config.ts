import preact from '@preact/preset-vite';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that read data kept outside the repository (the shared corpus of real saved pages) are named
 * *.corpus.test.ts and sit beside the layer they test; they run only in the *-corpus projects (`npm run test:corpus`),
 * so `npm test` needs nothing but this repository.
 */
const CORPUS_TESTS = '**/*.corpus.test.ts';
const exclude = [...configDefaults.exclude, CORPUS_TESTS];

const e2e = { environment: 'node', testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false } as const;

export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude, environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'component', include: ['tests/component/**/*.test.tsx'], exclude, environment: 'happy-dom' },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], exclude, ...e2e },
      },
      {
        extends: true,
        test: { name: 'unit-corpus', include: [`tests/unit/${CORPUS_TESTS}`], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'e2e-corpus', include: [`tests/e2e/${CORPUS_TESTS}`], ...e2e },
      },
    ],
  },
});
