import { defineConfig } from 'vitest/config'

// Long fault-injection runs (crash loops, large imports); `npm run test:stress`, also run by CI.
export default defineConfig({
  test: {
    include: ['test/stress/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 120_000
  }
})
