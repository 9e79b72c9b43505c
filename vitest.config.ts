import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    pool: 'forks',
    // A timeout is there to end a hung test, not to time one: the slowest tests take 10-12 s on a
    // quiet machine, and with two other processes busy on the two cores one of 5 s took 30.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['test/main/**/*.test.ts', 'test/shared/**/*.test.ts', 'test/preload/**/*.test.ts', 'test/renderer/**/*.test.ts'], environment: 'node' }
      },
      {
        // Renderer hooks and components, rendered in a DOM without a browser.
        extends: true,
        test: { name: 'renderer', include: ['test/renderer/**/*.test.tsx'], environment: 'happy-dom' }
      }
    ]
  }
})
