import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { API_METHODS } from '../../src/shared/api'

const bundle = join(__dirname, '../../out/preload/index.cjs')

// The sandboxed preload must be one self-contained CommonJS file whose only require is electron.
describe('built preload bundle (npm test builds first)', () => {
  it('is CommonJS that requires nothing but electron', () => {
    const code = readFileSync(bundle, 'utf8')
    expect(code).not.toMatch(/^\s*(import|export)\s/m)
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
  })

  it('runs in a bare sandbox and exposes the API', () => {
    const exposed: Record<string, Record<string, unknown>> = {}
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, v: Record<string, unknown>) => (exposed[k] = v) },
      ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on: () => {}, removeListener: () => {} },
      webUtils: { getPathForFile: () => '' }
    }
    const module = { exports: {} }
    runInNewContext(readFileSync(bundle, 'utf8'), {
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`sandboxed preload cannot require ${name}`)
        return electron
      },
      module,
      exports: module.exports
    })
    expect(Object.keys(exposed.annalist!)).toEqual(expect.arrayContaining([...API_METHODS]))
  })
})
