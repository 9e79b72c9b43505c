import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { createEvent } from '../../../src/main/chronology/events'
import { tempDir } from '../../support/tmp'
import { addArticle } from '../chronology/helpers'
import { cli } from './support'

/** An archive of three free articles and one cited by an event, closed again for the CLI to open. */
function seeded(): { dir: string; ids: number[]; cited: number } {
  const dir = join(tempDir(), 'archive')
  const archive = openArchive(dir)
  try {
    const ids = ['Harbour closed', 'Ferry resumes', 'Storm passes'].map((title) => addArticle(archive, [`${title} on the coast today.`], { title }))
    const cited = addArticle(archive, ['The lighthouse keeper saw the ferry leave.'], { title: 'Lighthouse log' })
    createEvent(archive.db, { title: 'Ferry leaves port', date: '2024-02-01', citations: [{ articleId: cited, start: 4, end: 20 }] })
    return { dir, ids, cited }
  } finally {
    archive.close()
  }
}

function titles(dir: string): string[] {
  const archive = openArchive(dir)
  try {
    return archive.db.prepare<[], { title: string }>('SELECT title FROM articles ORDER BY id').all().map((a) => a.title)
  } finally {
    archive.close()
  }
}

describe('annalist article rm', () => {
  it('deletes several articles as one undoable action, printing deleted and refused by title', async () => {
    const { dir, ids, cited } = seeded()
    const r = await cli(['article', 'rm', ...ids.map(String), String(cited), '--archive', dir])
    expect(r.out).toBe(
      `deleted article ${ids[0]} “Harbour closed”\ndeleted article ${ids[1]} “Ferry resumes”\ndeleted article ${ids[2]} “Storm passes”\n` +
        '(undo with: annalist events undo)\n'
    )
    expect(r.err).toBe('not deleted: “Lighthouse log” (Test Wire, undated) is cited by event “Ferry leaves port”\n')
    expect(r.code).toBe(1)
    expect(titles(dir)).toEqual(['Lighthouse log'])

    expect((await cli(['events', 'undo', '--archive', dir])).out).toBe('undid: Delete 3 articles\n')
    expect(titles(dir)).toEqual(['Harbour closed', 'Ferry resumes', 'Storm passes', 'Lighthouse log'])
  })

  it('prints the result as JSON and exits 0 when nothing was refused', async () => {
    const { dir, ids } = seeded()
    const r = await cli(['article', 'rm', String(ids[1]), '--json', '--archive', dir])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toEqual({ deleted: [{ id: ids[1], title: 'Ferry resumes' }], refused: [], actionId: expect.any(Number) })
  })

  it('needs article ids', async () => {
    const { dir } = seeded()
    const r = await cli(['article', 'rm', 'x', '--archive', dir])
    expect(r.code).not.toBe(0)
    expect(r.err).toContain('article rm needs article ids, e.g. 12 14 15')
  })
})
