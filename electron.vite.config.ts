import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod is bundled: loaded from node_modules it is some fifty modules each thread resolves and
      // links (32 ms a thread, four threads per `annalist serve` start); bundled, only the part of
      // zod/mini the contract uses is compiled, once per thread.
      externalizeDeps: { exclude: ['zod'] },
      rolldownOptions: {
        input: {
          index: resolve('src/main/electron/index.ts'),
          cli: resolve('src/main/cli/index.ts'),
          // Parse workers are started by file path (worker-pool.ts finds it next to the main code).
          'import-worker': resolve('src/main/import/worker.ts'),
          // Backend threads are started by file path too (host.ts finds it the same way).
          'backend-worker': resolve('src/main/host/worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ESM, and it cannot require() npm packages: one CJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } }
    }
  }
})
