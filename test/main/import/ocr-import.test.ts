import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { runImport } from '../../../src/main/import/pipeline'
import { pagesTiff } from '../../support/ocr/render-page'
import { tempArchive, tempDir } from '../../support/tmp'

const PAGES = [
  ['Ferry service suspended', 'The island ferry will not sail until the new pier is finished, the operator said on Tuesday.'],
  ['Passengers were told to book the morning bus to the mainland bridge instead.'],
  ['The operator expects the pier to open before the summer season.']
]

describe('importing scans', () => {
  it('stores a multi-page scan as a searchable article with pages and OCR confidence', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeFileSync(join(dir, 'ferry.tif'), pagesTiff(PAGES.slice(0, 2)))
    const report = await runImport(archive, [{ kind: 'path', path: dir }], { workers: 1 })
    expect(report.failed).toEqual([])
    const article = getArticle(archive.db, report.added[0]!.id)
    expect(article.title).toBe('Ferry service suspended')
    expect(article.file?.mediaType).toBe('image/tiff')
    expect(article.paragraphs.map((p) => p.page)).toEqual([1, 2])
    expect(article.ocrConfidence).toBeGreaterThan(85)
    const found = archive.db.prepare(`SELECT rowid FROM search_fts WHERE search_fts MATCH 'mainland'`).pluck().all()
    expect(found).toHaveLength(1)
  })

  it('cancels in the middle of a scan: the worker is stopped and nothing of the file is stored', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    writeFileSync(join(dir, 'long.tif'), pagesTiff(PAGES))
    const controller = new AbortController()
    const pagesSeen: number[] = []
    const report = await runImport(archive, [{ kind: 'path', path: dir }], {
      workers: 1,
      progressIntervalMs: 0,
      signal: controller.signal,
      onProgress: (p) => {
        if (!p.pages) return
        pagesSeen.push(p.pages.done)
        controller.abort()
      }
    })
    expect(report.cancelled).toBe(true)
    expect(pagesSeen).toEqual([1])
    expect(report.added).toEqual([])
    expect(archive.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0)
    expect(archive.db.prepare('SELECT count(*) FROM files').pluck().get()).toBe(0)
  })
})
