import { describe, expect, it } from 'vitest'
import { renderExport } from '../../../src/main/export'
import { fixtureChronology, fixtureEvents } from '../../fixtures/export/chronology'
import { GOLDEN_CASES, renderCase } from './cases'
import { expectGolden } from './golden'

describe('export golden files', () => {
  for (const c of GOLDEN_CASES) {
    it(`${c.name} matches its golden file`, () => {
      expectGolden(c.name, renderCase(c))
    })
  }
})

describe('export determinism', () => {
  it('gives byte-identical output for the same events in any input order', () => {
    const shuffled = [...fixtureEvents].reverse()
    for (const c of GOLDEN_CASES) {
      const a = renderCase(c)
      const b = renderExport(c.format, shuffled, c.all ? null : fixtureChronology, structuredClone(c.options)).content
      expect(b).toBe(a)
    }
  })

  it('names the file after the title and reports the media type', () => {
    const md = renderExport('md', fixtureEvents, fixtureChronology, {})
    expect(md.filename).toBe('panjshir-aug-sep-2021.md')
    expect(md.mediaType).toBe('text/markdown; charset=utf-8')
    expect(renderExport('timelinejs', fixtureEvents, null, { title: 'Талибы: хроника' }).filename).toBe('талибы-хроника.timeline.json')
    expect(renderExport('csl', fixtureEvents, null, { title: '***' }).filename).toBe('chronology.csl.json')
  })

  it('prints a timestamp only when one is passed in', () => {
    const without = renderExport('md', fixtureEvents, fixtureChronology, {}).content
    expect(without).not.toMatch(/Exported/)
    const stamped = (generatedAt: string) => renderExport('md', fixtureEvents, fixtureChronology, { generatedAt }).content
    expect(stamped('2021-10-05')).toContain('*Exported 5 October 2021.*')
    expect(stamped('2021-10-05T12:30Z')).toContain('*Exported 5 October 2021, 12:30 (UTC).*')
    expect(stamped('before the *deadline*')).toContain('*Exported before the \\*deadline\\*.*')
  })
})
