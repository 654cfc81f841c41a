import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The suites run side by side on small CI machines: a browser page or a background job can take seconds to
    // settle there, so polled assertions wait up to 15 s (the default is 1 s) before they fail.
    expect: { poll: { timeout: 15_000 } },
  },
});
