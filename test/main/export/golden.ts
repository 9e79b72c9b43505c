import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect } from 'vitest'

export const GOLDEN_DIR = join(__dirname, '../../fixtures/export/golden')

/** Compares `actual` byte for byte with a committed file; UPDATE_GOLDEN=1 rewrites the file. */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name)
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, actual)
    return
  }
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}
