import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { expect } from 'vitest'

/** True when the run should rewrite golden files instead of comparing (`UPDATE_GOLDEN=1`). */
export const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1'

/**
 * Compares a value with the JSON golden file at `path`, or writes the file when UPDATE_GOLDEN=1.
 * A missing golden file fails the test, so a new fixture cannot pass unreviewed.
 */
export function expectGolden(path: string, actual: unknown): void {
  const json = JSON.stringify(actual, null, 2) + '\n'
  if (UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, json)
    return
  }
  if (!existsSync(path)) throw new Error(`golden file ${path} is missing; run with UPDATE_GOLDEN=1 and review it`)
  expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(path, 'utf8')))
}
