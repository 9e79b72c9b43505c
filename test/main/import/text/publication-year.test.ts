import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../../src/main/archive/repo/articles'
import { parseSourceFile } from '../../../../src/main/import/formats'
import { parseHtml } from '../../../../src/main/import/formats/html'
import { runImport } from '../../../../src/main/import/pipeline'
import { tempArchive, tempDir } from '../../../support/tmp'

const DIR = join(__dirname, '../../../fixtures/import/dates')

async function published(name: string, mtime: Date | null) {
  const bytes = new Uint8Array(readFileSync(join(DIR, name)))
  return (await parseSourceFile({ name, bytes, mtime })).article.published
}

// Files whose dispatch gives a day and month; whether a year is claimed depends on what proves it.
describe('publication year of a dispatch datelined "PORTO, March 17."', () => {
  it('never takes an untied weekday for the dispatch day: the year is a marked guess from the file', async () => {
    // 17 March 2018 was a Saturday; the text's "Saturday morning" is a day near the dispatch.
    expect(await published('untied-weekday.txt', new Date('2024-04-02T09:00:00Z'))).toEqual({
      edtf: '2024-03-17?',
      precision: 'day',
      provenance: 'file'
    })
  })

  it('decides the year from a weekday tied to the date in the dateline', async () => {
    // Saturday 17 March: 2018 is the latest such year not after a file saved in April 2024.
    expect(await published('tied-weekday.txt', new Date('2024-04-02T09:00:00Z'))).toEqual({
      edtf: '2018-03-17',
      precision: 'day',
      provenance: 'weekday'
    })
  })

  it('keeps an explicit year at day precision whatever the weekdays say', async () => {
    expect(await published('explicit-year.txt', new Date('2024-04-02T09:00:00Z'))).toEqual({
      edtf: '2023-03-17',
      precision: 'day',
      provenance: 'dateline'
    })
  })
})

describe('publication year from a related article', () => {
  it('takes the proven year of a near-duplicate a day apart, still marked as a guess', async () => {
    const archive = tempArchive()
    const first = await runImport(archive, [{ kind: 'path', path: join(DIR, 'related-proven.txt') }])
    const second = await runImport(archive, [{ kind: 'path', path: join(DIR, 'related-unproven.txt') }])
    expect(second.failed).toEqual([])
    const id = second.added[0]!.id
    expect(getArticle(archive.db, id).nearDuplicates.map((n) => n.articleId)).toEqual([first.added[0]!.id])
    expect(getArticle(archive.db, id).published).toEqual({ edtf: '2023-03-17?', precision: 'day', provenance: 'related' })
  })

  it('leaves the guess alone when the related article is months away', async () => {
    const archive = tempArchive()
    const far = readFileSync(join(DIR, 'related-proven.txt'), 'utf8').replace('PORTO, March 16, 2023.', 'PORTO, June 2, 2023.')
    const dir = tempDir('annalist-related-')
    writeFileSync(join(dir, 'far.txt'), far)
    await runImport(archive, [{ kind: 'path', path: join(dir, 'far.txt') }])
    const second = await runImport(archive, [{ kind: 'path', path: join(DIR, 'related-unproven.txt') }])
    const a = getArticle(archive.db, second.added[0]!.id)
    expect(a.nearDuplicates).toHaveLength(1)
    expect(a.published?.provenance).toBe('file')
  })
})

describe('publication year from a saved page’s capture time', () => {
  const body = '<p>PORTO, March 17 (Lusa) - Engineers opened two spillway gates on Saturday morning as the river kept rising through the night.</p><p>The ferry to the far bank stopped running at noon, and riverside cafés moved their terraces uphill.</p>'
  it('reads SingleFile’s saved date and a Wayback Machine address', () => {
    const mtime = new Date('2026-01-10T00:00:00Z')
    const singleFile = `<!--\n Page saved with SingleFile \n url: https://example.org/spillway \n saved date: Sun Mar 19 2023 09:12:40 GMT+0000 (Coordinated Universal Time)\n--><html><body><article><h1>Spillway opened</h1>${body}</article></body></html>`
    expect(parseHtml(singleFile, 'a.html', { mtime }).published).toEqual({ edtf: '2023-03-17', precision: 'day', provenance: 'capture' })
    const wayback = `<html><head><link rel="canonical" href="https://web.archive.org/web/20220318061500/https://example.org/spillway"></head><body><article><h1>Spillway opened</h1>${body}</article></body></html>`
    expect(parseHtml(wayback, 'b.html', { mtime }).published).toEqual({ edtf: '2022-03-17', precision: 'day', provenance: 'capture' })
    const plain = `<html><body><article><h1>Spillway opened</h1>${body}</article></body></html>`
    expect(parseHtml(plain, 'c.html', { mtime }).published).toEqual({ edtf: '2025-03-17?', precision: 'day', provenance: 'file' })
  })
})
