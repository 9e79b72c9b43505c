import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_SETTING, ensureSampleArchive, findResourcesDir } from '../../src/main/firstrun'
import { runImport } from '../../src/main/import/pipeline'
import { listArticles } from '../../src/main/archive/repo/articles'
import { tempArchive } from '../support/tmp'
import { listEvents } from '../../src/main/archive/repo/events'
import { undoState } from '../../src/main/archive/journal'

const RESOURCES = resolve(__dirname, '../../resources')

function setting(archive: ReturnType<typeof tempArchive>): string | undefined {
  return archive.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(SAMPLE_SETTING)?.value
}

describe('ensureSampleArchive', () => {
  it('finds the resources folder from the source tree', () => {
    expect(findResourcesDir()).toBe(RESOURCES)
  })

  it('imports the twelve sample articles into an empty archive, once', async () => {
    const archive = tempArchive()
    const first = await ensureSampleArchive(archive, RESOURCES)
    expect(first.seeded).toBe(true)
    if (!first.seeded) return
    expect(first.report.failed).toEqual([])
    expect(first.report.added).toHaveLength(12)
    const page = listArticles(archive.db, { limit: 50 })
    expect(page.total).toBe(12)
    const titles = page.items.map((a) => a.title)
    expect(titles).toContain('Authority says it has taken the Anjir pass')
    expect(setting(archive)).toMatch(/^seeded/)
    expect(first.events).toBe(6)
    const events = listEvents(archive.db, {})
    expect(events).toHaveLength(6)
    expect(events.flatMap((e) => e.citations).every((c) => !c.orphaned)).toBe(true)
    const pass = events.find((e) => e.title.includes('Anjir pass'))!
    expect(pass.status).toBe('disputed')
    expect(pass.citations.map((c) => c.stance).sort()).toEqual(['contradicts', 'supports'])
    expect(events.map((e) => e.date.edtf)).toContain('2023-10-24/2023-10-25')
    // The sample is not an action the user can undo.
    expect(undoState(archive.db).canUndo).toBe(false)
    expect(await ensureSampleArchive(archive, RESOURCES)).toEqual({ seeded: false, reason: 'already-decided' })
  })

  it('never seeds an archive that already has articles, even after they are gone', async () => {
    const archive = tempArchive()
    await runImport(archive, [{ kind: 'path', path: join(__dirname, '../fixtures/e2e/valley-talks.txt') }])
    expect(await ensureSampleArchive(archive, RESOURCES)).toEqual({ seeded: false, reason: 'not-empty' })
    archive.db.exec('DELETE FROM paragraphs; DELETE FROM articles')
    expect(await ensureSampleArchive(archive, RESOURCES)).toEqual({ seeded: false, reason: 'already-decided' })
  })

  it('does nothing when the sample is missing', async () => {
    const archive = tempArchive()
    expect(await ensureSampleArchive(archive, join(RESOURCES, 'nowhere'))).toEqual({ seeded: false, reason: 'no-sample' })
    expect(setting(archive)).toBeUndefined()
  })
})
