import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { ExportOptions } from '../../../src/shared/export'
import { renderExport } from '../../../src/main/export'
import type { ExportChronology } from '../../../src/main/export/model'
import { fixtureChronology, fixtureEvents } from '../../fixtures/export/chronology'
import { chronologyJsonSchema } from './json-schema'

const DOC = join(__dirname, '../../../docs/export-json-schema.md')
const BLOCK = /<!-- schema:start -->\n[\s\S]*?<!-- schema:end -->/

describe('JSON export', () => {
  it('parses with the documented schema under every option that changes its content', () => {
    const cases: [ExportChronology | null, ExportOptions][] = [
      [fixtureChronology, { chronologyId: 1 }],
      [null, {}],
      [null, { quotes: false, links: true, bothSides: false, from: '2021-08', to: '2021', tags: ['claims'], statuses: ['disputed'], generatedAt: '2021-10-05T12:00:00Z' }]
    ]
    for (const [chronology, options] of cases) {
      const doc = JSON.parse(renderExport('json', fixtureEvents, chronology, options).content) as unknown
      expect(() => chronologyJsonSchema.parse(doc)).not.toThrow()
    }
  })

  it('carries every citation of the chronology and each cited article once', () => {
    const doc = chronologyJsonSchema.parse(JSON.parse(renderExport('json', fixtureEvents, fixtureChronology, { chronologyId: 1 }).content))
    const inChronology = fixtureEvents.filter((e) => e.chronologyIds.includes(1))
    expect(doc.events.map((e) => e.id)).toEqual([10, 11, 12, 13, 14, 15, 17, 16, 19])
    expect(doc.events.flatMap((e) => e.citations).length).toBe(inChronology.reduce((n, e) => n + e.citations.length, 0))
    expect(doc.articles.map((a) => a.id)).toEqual([1, 2, 3, 4, 5])
    const noQuotes = chronologyJsonSchema.parse(JSON.parse(renderExport('json', fixtureEvents, fixtureChronology, { quotes: false }).content))
    expect(noQuotes.events.flatMap((e) => e.citations).every((c) => c.passage.exact === null && c.passage.prefix === null)).toBe(true)
  })

  it('is documented in docs/export-json-schema.md with the JSON Schema the tests use', () => {
    const block = `<!-- schema:start -->\n\`\`\`json\n${JSON.stringify(z.toJSONSchema(chronologyJsonSchema), null, 2)}\n\`\`\`\n<!-- schema:end -->`
    const doc = readFileSync(DOC, 'utf8')
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(DOC, doc.replace(BLOCK, block))
    else expect(doc.match(BLOCK)?.[0]).toBe(block)
  })
})
