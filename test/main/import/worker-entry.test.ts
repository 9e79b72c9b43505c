import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { resolveWorkerEntry } from '../../../src/main/import/worker-pool'
import { tempDir } from '../../support/tmp'

describe('resolveWorkerEntry', () => {
  it('runs worker.ts through tsx when this code runs from source, wherever the working directory is', () => {
    const entry = resolveWorkerEntry(pathToFileURL(join(__dirname, '../../../src/main/import/worker-pool.ts')).href)
    expect(entry.file).toBe(join(__dirname, '../../../src/main/import/worker.ts'))
    expect(entry.execArgv[0]).toBe('--import')
    expect(entry.execArgv[1]).toMatch(/^file:\/\/.*\/node_modules\/tsx\/.+\.mjs$/)
  })

  it('finds the built import-worker.js next to an entry or one folder up from a chunk', () => {
    const out = tempDir()
    mkdirSync(join(out, 'chunks'))
    writeFileSync(join(out, 'import-worker.js'), '')
    expect(resolveWorkerEntry(pathToFileURL(join(out, 'cli.js')).href)).toEqual({ file: join(out, 'import-worker.js'), execArgv: [] })
    expect(resolveWorkerEntry(pathToFileURL(join(out, 'chunks', 'pipeline-abc.js')).href)).toEqual({
      file: join(out, 'import-worker.js'),
      execArgv: []
    })
  })

  it('says what to do when the build has no worker', () => {
    const out = tempDir()
    expect(() => resolveWorkerEntry(pathToFileURL(join(out, 'cli.js')).href)).toThrow(/import worker not found.*npm run build/)
  })
})
