import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderExport } from '../../../src/main/export'
import { bylineAuthors, cslItem } from '../../../src/main/export/csl'
import { fixtureChronology, fixtureEvents, securityReport, undatedPost } from '../../fixtures/export/chronology'
import { tempDir } from '../../support/tmp'
import { hasPandoc } from './markdown-check'

describe('CSL-JSON export', () => {
  it('turns bylines into CSL names, keeping agencies and odd bylines literal', () => {
    expect(bylineAuthors('By Sarah O’Neill and Ahmad Zia Rahimi')).toEqual([
      { family: 'O’Neill', given: 'Sarah' },
      { family: 'Rahimi', given: 'Ahmad Zia' }
    ])
    expect(bylineAuthors('Иван Петров и Мария Сидорова')).toEqual([
      { family: 'Петров', given: 'Иван' },
      { family: 'Сидорова', given: 'Мария' }
    ])
    expect(bylineAuthors('Ludwig van Beethoven')).toEqual([{ family: 'van Beethoven', given: 'Ludwig' }])
    expect(bylineAuthors('Reuters')).toEqual([{ literal: 'Reuters' }])
    expect(bylineAuthors('TASS staff correspondent')).toEqual([{ literal: 'TASS staff correspondent' }])
    expect(bylineAuthors('  ')).toEqual([])
  })

  it('gives issued date-parts at the known precision and marks uncertain dates circa', () => {
    expect(cslItem(securityReport).issued).toEqual({ 'date-parts': [[2021, 8]] })
    expect(cslItem({ ...securityReport, published: { edtf: '2021?', precision: 'year', provenance: 'text' } }).issued).toEqual({ 'date-parts': [[2021]], circa: true })
    // No year, no CSL date: citeproc prints "n.d." rather than the year 0.
    expect(cslItem({ ...securityReport, published: { edtf: 'XXXX-03-17', precision: 'day', provenance: 'dateline' } }).issued).toBeUndefined()
    expect(cslItem({ ...securityReport, published: { edtf: '2024-03-17?', precision: 'day', provenance: 'file' } }).issued).toEqual({ 'date-parts': [[2024, 3, 17]], circa: true })
    expect(cslItem(undatedPost)).toEqual({ id: 'annalist-article-5', type: 'article-newspaper', title: 'Statement of the resistance front' })
  })

  it('lists each cited article once, with stable ids, in the shape citeproc reads', () => {
    const items = JSON.parse(renderExport('csl', fixtureEvents, fixtureChronology, { chronologyId: 1 }).content) as Record<string, unknown>[]
    expect(items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5].map((n) => `annalist-article-${n}`))
    for (const item of items) {
      expect(item.type).toBe('article-newspaper')
      expect(typeof item.title).toBe('string')
      const issued = item.issued as { 'date-parts': unknown } | undefined
      if (issued) expect(issued['date-parts']).toEqual([expect.arrayContaining([expect.any(Number)])])
    }
    expect(items[0]).toMatchObject({ 'container-title': 'TASS', URL: 'https://example.org/tass/clashes-three-provinces' })
  })

  it('leaves out articles cited only against an event when one side is asked for', () => {
    const items = JSON.parse(renderExport('csl', fixtureEvents, fixtureChronology, { chronologyId: 1, bothSides: false, statuses: ['disputed'] }).content) as { id: string }[]
    expect(items.map((i) => i.id)).toEqual(['annalist-article-1', 'annalist-article-3'])
  })

  it.skipIf(!hasPandoc())('formats a bibliography with pandoc --citeproc (skipped without pandoc)', () => {
    const file = join(tempDir(), 'sources.csl.json')
    writeFileSync(file, renderExport('csl', fixtureEvents, fixtureChronology, { chronologyId: 1 }).content)
    const text = 'Claims [@annalist-article-1; @annalist-article-3], report [@annalist-article-4], statement [@annalist-article-5].'
    const run = spawnSync('pandoc', ['--citeproc', `--bibliography=${file}`, '-f', 'markdown', '-t', 'plain', '--wrap=none'], { input: text, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('(TASS 2021; Петров 2021)')
    expect(run.stdout).toContain('O’Neill, Sarah, and Ahmad Zia Rahimi. 2021. “Northern Provinces: Weekly Security Report.” Kabul Monitor, August 2021.')
    // A Russian title keeps its own capitalisation because the item says it is Russian.
    expect(run.stdout).toContain('“Талибы заявили о взятии последней провинции.” Коммерсантъ, September 6, 2021.')
  })
})
