import { describe, expect, it } from 'vitest'
import { renderExport } from '../../../src/main/export'
import { fixtureChronology, fixtureEvents } from '../../fixtures/export/chronology'
import { GOLDEN_CASES, renderCase } from './cases'
import { hasPandoc, mdStructure, runPandoc } from './markdown-check'

const mdCases = GOLDEN_CASES.filter((c) => c.format === 'md')
const pandoc = hasPandoc()

describe('Markdown export read by markdown-it with markdown-it-footnote', () => {
  for (const c of mdCases) {
    it(`${c.name}: every reference has exactly one definition and vice versa`, () => {
      const s = mdStructure(renderCase(c))
      expect(s.problems).toEqual([])
      expect(s.forbidden).toEqual([])
      expect(s.footnoteDefs).toBeGreaterThan(0)
    })
  }

  it('reads the fixture as one title, year and month headings, one item per event and a reused footnote', () => {
    const s = mdStructure(renderExport('md', fixtureEvents, fixtureChronology, { chronologyId: 1 }).content)
    expect(s.headings).toEqual({ h1: 1, h2: 1, h3: 2 })
    expect(s.headingTexts).toEqual(['Panjshir, Aug–Sep 2021', '2021', 'August 2021', 'September 2021'])
    expect(s.listItems).toBe(9)
    // 11 citations, two of them the same passage: 10 footnotes, 11 references.
    expect(s.footnoteDefs).toBe(10)
    expect(s.footnoteRefs).toBe(11)
  })
})

// CI installs Debian's pandoc (apt-get install -y pandoc); without it only these checks are skipped.
describe.skipIf(!pandoc)('Markdown export read by pandoc -f markdown (skipped when pandoc is not installed)', () => {
  for (const c of mdCases) {
    for (const from of ['markdown', 'gfm+footnotes']) {
      it(`${c.name}: pandoc -f ${from} converts it to HTML without warnings, with the same structure`, () => {
        const source = renderCase(c)
        const s = mdStructure(source)
        const p = runPandoc(source, from)
        expect(p.status).toBe(0)
        expect(p.stderr).toBe('')
        expect(p.headers).toBe(Object.values(s.headings).reduce((a, b) => a + b, 0))
        expect(p.notes).toBe(s.footnoteRefs)
        expect(p.bulletItems).toBe(s.listItems)
      })
    }
  }
})
