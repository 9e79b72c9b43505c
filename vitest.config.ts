import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
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
