import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['src/engine/test-setup.ts'],
  },
});
