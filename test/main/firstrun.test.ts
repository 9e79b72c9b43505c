import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive, type Archive } from '../../src/main/archive/archive'
import { SAMPLE_SETTING, offerSampleArchive, seedSample } from '../../src/main/firstrun'
import { findResourcesDir } from '../../src/main/resources-dir'
import { runImport } from '../../src/main/import/pipeline'
import { listArticles } from '../../src/main/archive/repo/articles'
import { isSampleArchive } from '../../src/main/archive/repo/identity'
import { tempArchive, tempDir } from '../support/tmp'
import { listEvents } from '../../src/main/archive/repo/events'
import { undoState } from '../../src/main/archive/journal'

const RESOURCES = resolve(__dirname, '../../resources')

function setting(archive: Archive): string | undefined {
  return archive.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(SAMPLE_SETTING)?.value
}

function withArchive<T>(dir: string, fn: (a: Archive) => T): T {
  const archive = openArchive(dir)
  try {
    return fn(archive)
  } finally {
    archive.close()
  }
}

describe('seedSample', () => {
  it('finds the resources folder from the source tree', () => {
    expect(findResourcesDir()).toBe(RESOURCES)
  })

  it('imports the twelve sample articles and the six-event chronology, leaving no undo history', async () => {
    const archive = tempArchive()
    const { report, events } = await seedSample(archive, RESOURCES)
    expect(report.failed).toEqual([])
    expect(report.added).toHaveLength(12)
    const page = listArticles(archive.db, { limit: 50 })
    expect(page.total).toBe(12)
    expect(page.items.map((a) => a.title)).toContain('Authority says it has taken the Anjir pass')
    expect(events).toBe(6)
    const rows = listEvents(archive.db, {})
    expect(rows).toHaveLength(6)
    expect(rows.flatMap((e) => e.citations).every((c) => !c.orphaned)).toBe(true)
    const pass = rows.find((e) => e.title.includes('Anjir pass'))!
    expect(pass.status).toBe('disputed')
    expect(pass.citations.map((c) => c.stance).sort()).toEqual(['contradicts', 'supports'])
    expect(rows.map((e) => e.date.edtf)).toContain('2023-10-24/2023-10-25')
    expect(undoState(archive.db).canUndo).toBe(false)
  })
})

describe('offerSampleArchive', () => {
  it('leaves an empty own archive empty and makes a separate, marked sample archive, once', async () => {
    const own = tempArchive()
    const sampleDir = join(tempDir(), 'sample-archive')
    const first = await offerSampleArchive(own, { resourcesDir: RESOURCES, archiveDir: sampleDir })
    expect(first).toEqual({ offered: true, dir: sampleDir, seeded: { articles: 12, events: 6 } })
    expect(listArticles(own.db, { limit: 5 }).total).toBe(0)
    expect(listEvents(own.db, {})).toEqual([])
    expect(setting(own)).toContain(sampleDir)
    withArchive(sampleDir, (sample) => {
      expect(isSampleArchive(sample.db)).toBe(true)
      expect(isSampleArchive(own.db)).toBe(false)
      expect(listArticles(sample.db, { limit: 50 }).total).toBe(12)
    })
    expect(await offerSampleArchive(own, { resourcesDir: RESOURCES, archiveDir: sampleDir })).toEqual({ offered: false, reason: 'already-decided' })
  })

  it('reuses the sample archive an earlier first run made instead of importing it twice', async () => {
    const sampleDir = join(tempDir(), 'sample-archive')
    await offerSampleArchive(tempArchive(), { resourcesDir: RESOURCES, archiveDir: sampleDir })
    const second = await offerSampleArchive(tempArchive(), { resourcesDir: RESOURCES, archiveDir: sampleDir })
    expect(second).toEqual({ offered: true, dir: sampleDir, seeded: null })
    withArchive(sampleDir, (sample) => expect(listArticles(sample.db, { limit: 50 }).total).toBe(12))
  })

  it('never offers the sample to an archive that has articles, even after they are gone', async () => {
    const own = tempArchive()
    const sampleDir = join(tempDir(), 'sample-archive')
    await runImport(own, [{ kind: 'path', path: join(__dirname, '../fixtures/e2e/valley-talks.txt') }])
    expect(await offerSampleArchive(own, { resourcesDir: RESOURCES, archiveDir: sampleDir })).toEqual({ offered: false, reason: 'not-empty' })
    own.db.exec('DELETE FROM paragraphs; DELETE FROM articles')
    expect(await offerSampleArchive(own, { resourcesDir: RESOURCES, archiveDir: sampleDir })).toEqual({ offered: false, reason: 'already-decided' })
    expect(existsSync(sampleDir)).toBe(false)
  })

  it('leaves a folder holding an unmarked archive with articles alone', async () => {
    const sampleDir = join(tempDir(), 'sample-archive')
    const other = openArchive(sampleDir)
    await runImport(other, [{ kind: 'path', path: join(__dirname, '../fixtures/e2e/valley-talks.txt') }])
    other.close()
    const own = tempArchive()
    expect(await offerSampleArchive(own, { resourcesDir: RESOURCES, archiveDir: sampleDir })).toEqual({ offered: false, reason: 'folder-taken' })
    withArchive(sampleDir, (other) => {
      expect(isSampleArchive(other.db)).toBe(false)
      expect(listArticles(other.db, { limit: 50 }).total).toBe(1)
    })
  })

  it('does nothing when the sample is missing', async () => {
    const own = tempArchive()
    const sampleDir = join(tempDir(), 'sample-archive')
    expect(await offerSampleArchive(own, { resourcesDir: join(RESOURCES, 'nowhere'), archiveDir: sampleDir })).toEqual({ offered: false, reason: 'no-sample' })
    expect(setting(own)).toBeUndefined()
    expect(existsSync(sampleDir)).toBe(false)
  })
})
