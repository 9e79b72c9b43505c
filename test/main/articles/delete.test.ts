import { describe, expect, it } from 'vitest'
import { createBackend } from '../../../src/main/backend'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { MAX_ACTIONS } from '../../../src/main/archive/journal'
import type { ChronologyChange } from '../../../src/shared/chronology'
import { AnnalistError } from '../../../src/shared/errors'
import type { Archive } from '../../../src/main/archive/archive'
import { tempArchive } from '../../support/tmp'
import { addArticle, span } from '../chronology/helpers'

function addMany(archive: Archive, n: number): number[] {
  return Array.from({ length: n }, (_, i) =>
    addArticle(archive, [`Ferry number ${i} left the harbour at dawn.`, `Paragraph two of report ${i}.`], { title: `Ferry report ${i}` })
  )
}

/** Everything a delete and its undo touch: articles, their paragraphs, and what search finds. */
function snapshot(archive: Archive): unknown {
  const all = (sql: string): unknown[] => archive.db.prepare(sql).all()
  return {
    articles: all('SELECT * FROM articles ORDER BY id'),
    paragraphs: all('SELECT * FROM paragraphs ORDER BY article_id, ordinal'),
    found: all("SELECT rowid FROM search_fts WHERE search_fts MATCH 'harbour' ORDER BY rowid")
  }
}

describe('deleteArticles', () => {
  it(`deletes ${MAX_ACTIONS + 50} articles as one action that one undo restores`, async () => {
    const archive = tempArchive()
    const ids = addMany(archive, MAX_ACTIONS + 50)
    const before = snapshot(archive)
    const backend = createBackend(archive)
    const changes: ChronologyChange[] = []
    backend.on('chronologyChanged', (c) => changes.push(c))

    const r = await backend.api.deleteArticles({ ids })
    expect(r.deleted).toHaveLength(ids.length)
    expect(r.deleted[7]).toEqual({ id: ids[7], title: 'Ferry report 7' })
    expect(r.refused).toEqual([])
    expect(archive.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 })
    expect(changes).toEqual([{ action: 'deleteArticles', eventIds: [], articleIds: ids, actionId: r.actionId }])
    expect(await backend.api.undoState({})).toMatchObject({ label: `Delete ${ids.length} articles`, canUndo: true })

    expect(await backend.api.undo({ actionId: r.actionId! })).toEqual({ label: `Delete ${ids.length} articles`, canUndo: false, canRedo: true })
    expect(snapshot(archive)).toEqual(before)
  })

  it('refuses cited articles by title, outlet and date, naming the citing events, and deletes the rest', async () => {
    const archive = tempArchive()
    const backend = createBackend(archive)
    const dam = addArticle(archive, ['The dam gates were opened at noon, officials said.'], { title: 'Dam gates opened', url: 'https://www.example.org/dam', published: { edtf: '2024-03-02', precision: 'day', provenance: 'meta' } })
    const free = addArticle(archive, ['Nothing cites this report about the weir.'], { title: 'Weir report' })
    const text = getArticle(archive.db, dam).text
    for (const title of ['Gates opened at Porto', 'Flood warning issued']) {
      await backend.api.createEvent({ title, date: '2024-03-02', citations: [{ articleId: dam, ...span(text, 'gates were opened') }] })
    }

    const r = await backend.api.deleteArticles({ ids: [dam, free, 999] })
    expect(r.deleted).toEqual([{ id: free, title: 'Weir report' }])
    expect(r.refused).toEqual([
      { id: dam, title: 'Dam gates opened', reason: '“Dam gates opened” (Test Wire, 2 Mar 2024) is cited by events “Gates opened at Porto” and “Flood warning issued”' },
      { id: 999, title: 'article 999', reason: 'article 999 is not in the archive' }
    ])
    expect(getArticle(archive.db, dam).title).toBe('Dam gates opened')
    expect((await backend.api.undoState({})).label).toBe('Delete article "Weir report"')
  })

  it('makes no action and announces nothing when every article is refused', async () => {
    const archive = tempArchive()
    const backend = createBackend(archive)
    const id = addArticle(archive, ['The convoy reached the border crossing.'], { title: 'Convoy' })
    await backend.api.createEvent({ title: 'Convoy arrives', date: '2024', citations: [{ articleId: id, start: 4, end: 10 }] })
    const changes: ChronologyChange[] = []
    backend.on('chronologyChanged', (c) => changes.push(c))
    const r = await backend.api.deleteArticles({ ids: [id] })
    expect(r).toEqual({ deleted: [], refused: [{ id, title: 'Convoy', reason: '“Convoy” (Test Wire, undated) is cited by event “Convoy arrives”' }], actionId: null })
    expect(changes).toEqual([])
    expect((await backend.api.undoState({})).label).toBe('Create event "Convoy arrives"')
  })

  it('refuses to undo the delete by its id once a later edit came after it, undoing nothing', async () => {
    const archive = tempArchive()
    const backend = createBackend(archive)
    const ids = addMany(archive, 3)
    const r = await backend.api.deleteArticles({ ids: ids.slice(0, 2) })
    await backend.api.updateArticle({ id: ids[2]!, title: 'Renamed after the delete' })
    const after = snapshot(archive)

    const undone = backend.api.undo({ actionId: r.actionId! })
    await expect(undone).rejects.toBeInstanceOf(AnnalistError)
    await expect(undone).rejects.toMatchObject({ code: 'conflict', message: 'cannot undo "Delete 2 articles": later changes came after it; nothing was undone' })
    expect(snapshot(archive)).toEqual(after)
    expect(await backend.api.undoState({})).toMatchObject({ label: 'Edit article “Ferry report 2” (Test Wire, undated)', canRedo: false })
  })

  it('validates its argument', async () => {
    const backend = createBackend(tempArchive())
    expect(await backend.invoke('deleteArticles', { ids: [] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await backend.invoke('deleteArticles', { id: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await backend.invoke('undo', { actionId: 'last' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })
})
