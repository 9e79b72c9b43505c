import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { boundsOf, edtfSortKey, formatEdtf, humanizeEdtf, parseEdtf } from '../../src/shared/edtf'

const DIR = join(__dirname, '../fixtures/chronology')

describe('EDTF golden', () => {
  it('derives bounds, sort key and wording for every case in the fixture', () => {
    const cases = readFileSync(join(DIR, 'edtf-cases.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
    const rows = cases.map((edtf) => {
      const v = parseEdtf(edtf)
      const b = boundsOf(v)
      return [formatEdtf(v), b.earliest, b.latest, edtfSortKey(v), humanizeEdtf(v)].join('\t')
    })
    const rendered = ['edtf\tearliest\tlatest\tsort key\twritten', ...rows].join('\n') + '\n'
    const golden = join(DIR, 'edtf-cases.expected.tsv')
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, rendered)
    expect(rendered).toBe(readFileSync(golden, 'utf8'))
  })
})
