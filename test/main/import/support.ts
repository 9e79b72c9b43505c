import { writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** The test parser that hangs, crashes or throws on request (see the fixture). */
export const MISBEHAVING_PARSER = resolve(__dirname, '../../fixtures/import/parsers/misbehaving.ts')

/** Near-duplicate fixtures: two river stories sharing wire paragraphs, one unrelated story. */
export const WIRE_DIR = resolve(__dirname, '../../fixtures/import/wire')

/** Writes a plain-text article with a headline and numbered body paragraphs. */
export function writeArticle(dir: string, name: string, headline: string, paragraphs = 2): string {
  const path = join(dir, name)
  mkdirSync(dirname(path), { recursive: true })
  const body = Array.from({ length: paragraphs }, (_, i) => `${headline} — paragraph ${i + 1} of the story, written for the tests.`)
  writeFileSync(path, [headline, ...body].join('\n\n'))
  return path
}
