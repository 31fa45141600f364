import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['src/engine/test-setup.ts'],
    // tfjs-core's gradients are some 200 ES modules that Node cannot load; pre-bundled once, not per test file.
    deps: {
      optimizer: { ssr: { enabled: true, include: ['@tensorflow/tfjs-core/dist/register_all_gradients'] } },
    },
  },
});
