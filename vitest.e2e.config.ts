import { defineConfig } from 'vitest/config'

// Browser journeys drive Debian's Chromium against the built app in browser mode.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
