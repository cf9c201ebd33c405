import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // compiles rune classes (*.svelte.ts) so renderer state is testable without a DOM
        plugins: [svelte()],
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'electron/**/*.test.ts', 'db/**/*.test.ts', 'renderer/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          // cheap scrypt for every hash the tests make (passwords.ts scryptDefaults), and the command line may
          // create a plain test database (cli/caller.ts, with a warning); child processes inherit both
          env: { PERDIEM_INSECURE_TEST_SCRYPT: '1', PERDIEM_PLAIN: '1' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          env: { PERDIEM_INSECURE_TEST_SCRYPT: '1', PERDIEM_PLAIN: '1' },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
