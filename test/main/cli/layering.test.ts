import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const CLI = join(__dirname, '../../../src/main/cli')
const MAIN = join(__dirname, '../../../src/main')

/** What a CLI file may import from src/main: opening the archive folder, the backend, hosting and restoring into an empty folder. */
const ALLOWED = new Set([
  'archive/archive',
  'archive/location',
  'archive/recent',
  'archive/maintenance/restore',
  'backend',
  'firstrun',
  'server/server',
  'server/renderer-dir',
  'version'
])

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
}

describe('CLI layering', () => {
  it('reaches the archive only through the contract: no CLI file imports a domain module', () => {
    const offending: string[] = []
    for (const file of sources(CLI)) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (!spec!.startsWith('.')) continue
        const target = resolve(join(file, '..'), spec!)
        if (target.startsWith(CLI) || !target.startsWith(MAIN)) continue
        const module = relative(MAIN, target)
        if (!ALLOWED.has(module)) offending.push(`${relative(CLI, file)} → ${module}`)
      }
    }
    expect(offending).toEqual([])
  })
})
