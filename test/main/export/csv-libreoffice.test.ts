import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { renderExport } from '../../../src/main/export'
import { CSV_COLUMNS } from '../../../src/main/export/csv'
import type { ExportOptions } from '../../../src/shared/export'
import { fixtureEvents } from '../../fixtures/export/chronology'
import { parseCsv } from './csv-read'

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0
// Made on first use: a file whose tests are all skipped runs no afterAll, so a folder made at
// load time stayed behind in the temp directory on every machine without LibreOffice.
let made: string | undefined
const workDir = (): string => (made ??= mkdtempSync(join(tmpdir(), 'annalist-lo-')))
afterAll(() => {
  if (made) rmSync(made, { recursive: true, force: true })
})

interface Cell {
  type: string
  text: string
  formula: boolean
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function cellText(body: string): string {
  return [...body.matchAll(/<text:p\b[^>]*?(?:\/>|>(.*?)<\/text:p>)/gs)]
    .map(([, p]) =>
      (p ?? '')
        .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_m, n: string | undefined) => ' '.repeat(Number(n ?? 1)))
        .replace(/<text:tab\/>/g, '\t')
        .replace(/<text:line-break\/>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_m, e: string) => (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : XML_ENTITIES[e]!))
    )
    .join('\n')
}

/** The cells of the first sheet of a flat ODS file: value type, shown text, formula or not. */
function readFods(xml: string): Cell[][] {
  const rows: Cell[][] = []
  for (const [, row] of xml.matchAll(/<table:table-row[^>]*>(.*?)<\/table:table-row>/gs)) {
    const cells: Cell[] = []
    for (const [, attrs, body] of row!.matchAll(/<table:table-cell([^>]*?)(?:\/>|>(.*?)<\/table:table-cell>)/gs)) {
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attrs!)?.[1] ?? 1)
      const cell = { type: /office:value-type="(\w+)"/.exec(attrs!)?.[1] ?? 'empty', text: cellText(body ?? ''), formula: attrs!.includes('table:formula') }
      for (let i = 0; i < Math.min(repeat, CSV_COLUMNS.length); i++) cells.push(cell)
    }
    rows.push(cells)
  }
  return rows
}

/**
 * Opens the CSV the way a user's LibreOffice would (UTF-8, comma, "detect special numbers" on,
 * which turns dates and numbers into values) in the given locale and saves it as flat ODS.
 */
function openInLibreOffice(csv: string, locale: number): Cell[][] {
  const dir = workDir()
  const file = join(dir, `export-${locale}.csv`)
  writeFileSync(file, csv)
  const run = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', `--infilter=CSV:44,34,76,1,,${locale},false,true`, '--convert-to', 'fods', '--outdir', dir, file],
    { encoding: 'utf8', timeout: 110_000 }
  )
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`)
  return readFods(readFileSync(file.replace(/\.csv$/, '.fods'), 'utf8'))
}

const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name)
// Numbers are numbers, and ISO/EDTF columns are for machines: a spreadsheet may make them values.
const MACHINE = new Set(['event_id', 'date_edtf', 'earliest', 'latest', 'citation_id', 'article_id', 'published', 'paragraph', 'page', 'start', 'end'])

const outpost = fixtureEvents.find((e) => e.id === 14)!
const hostile = {
  ...outpost,
  id: 99,
  title: '=SUM(A1:A9) was typed into the form',
  note: '-2 killed, says one source',
  citations: outpost.citations.map((c, i) => ({
    ...c,
    anchor: { ...c.anchor, exact: ['+7 (495) 123-45-67 was the number', '@SUM(1+1)*cmd|/c calc'][i] ?? '=1+1' },
    article: { ...c.article, outlet: i ? '@Коммерсантъ' : 'Коммерсантъ' }
  }))
}

describe.skipIf(!hasSoffice)('CSV export opened in LibreOffice (skipped when soffice is not installed)', () => {
  for (const [locale, name] of [
    [1033, 'en-US'],
    [2057, 'en-GB']
  ] as const) {
    it(`${name}: every text cell, display date and Cyrillic reads as written, and nothing runs as a formula`, () => {
      const options: ExportOptions = { bom: locale === 2057 }
      const csv = renderExport('csv', [...fixtureEvents, hostile], null, options).content
      const want = parseCsv(csv.replace(/^\uFEFF/, ''))
      const got = openInLibreOffice(csv, locale)
      expect(got[0]!.map((c) => c.text)).toEqual([...CSV_COLUMNS])
      for (let r = 1; r < want.length; r++) {
        want[r]!.forEach((value, c) => {
          const cell = got[r]![c]!
          expect(cell.formula, `${CSV_COLUMNS[c]} of row ${r}`).toBe(false)
          if (MACHINE.has(CSV_COLUMNS[c]!) || value === '') return
          // A year alone is a number to a spreadsheet, shown as written: no other date.
          const type = /^[0-9]{4}$/.test(value) ? 'float' : 'string'
          expect({ column: CSV_COLUMNS[c], type: cell.type, text: cell.text }).toEqual({ column: CSV_COLUMNS[c], type, text: value })
        })
      }
      const month = want.findIndex((r) => r[col('date_edtf')] === '2021-08')
      expect(got[month]![col('date')]).toMatchObject({ type: 'string', text: 'August\u20092021' })
      const hostileRows = want.flatMap((r, i) => (r[0] === '99' ? [got[i]!] : []))
      expect(hostileRows.map((r) => r[col('title')]!.text)).toEqual(["'=SUM(A1:A9) was typed into the form", "'=SUM(A1:A9) was typed into the form"])
      expect(hostileRows.map((r) => r[col('outlet')]!.text)).toEqual(['Коммерсантъ', "'@Коммерсантъ"])
    }, 120_000)
  }
})

if (!hasSoffice) {
  describe('CSV export opened in LibreOffice', () => {
    it.skip('skipped: soffice is not on PATH (Debian: apt-get install -y libreoffice-calc-nogui)', () => {})
  })
}
