import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { setArticleDate, updateArticle, updateArticleText } from '../../../src/main/articles/edit'
import { getEvent } from '../../../src/main/archive/repo/events'
import { createEvent } from '../../../src/main/chronology/events'
import { tempArchive } from '../../support/tmp'
import { addArticle, span } from '../chronology/helpers'

const PARAS = [
  'The bridge at Dolna was blown up on Friday night, residents said.',
  'Engineers said repairs would take weeks. The army blamed saboteurs.'
]

describe('updateArticle', () => {
  it('rewrites paragraphs and search, re-anchors moved citations and orphans lost ones', () => {
    const archive = tempArchive()
    const { db } = archive
    const id = addArticle(archive, PARAS)
    const text = getArticle(db, id).text
    const e = createEvent(db, {
      title: 'Bridge destroyed',
      date: '2024-05-10',
      citations: [
        { articleId: id, ...span(text, 'The bridge at Dolna was blown up on Friday night') },
        { articleId: id, ...span(text, 'The army blamed saboteurs.') }
      ]
    })
    const [bridge, blame] = e.citations
    const newText = 'Update: corrected spelling.\n\nThe bridge at Dolna was blown up on Friday night, residents said.\n\nEngineers said repairs would take weeks. The army blamed partisans.'
    const result = updateArticle(db, { id, text: newText, title: 'Bridge blown up' })
    expect(result.article.title).toBe('Bridge blown up')
    expect(result.article.paragraphs).toHaveLength(3)
    expect(result.reanchor).toEqual({ articleId: id, kept: [], moved: [bridge!.id], orphaned: [blame!.id] })
    const after = getEvent(db, e.id).citations
    const moved = after.find((c) => c.id === bridge!.id)!
    expect(result.article.text.slice(moved.anchor.start, moved.anchor.end)).toBe(bridge!.anchor.exact)
    expect(moved).toMatchObject({ orphaned: false, paragraph: 2 })
    expect(moved.textHash).not.toBe(bridge!.textHash)
    const lost = after.find((c) => c.id === blame!.id)!
    expect(lost).toMatchObject({ orphaned: true, paragraph: null, anchor: blame!.anchor })
    const hits = db.prepare("SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'partisans'").get() as { n: number }
    expect(hits.n).toBe(1)
    const stale = db.prepare("SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'saboteurs'").get() as { n: number }
    expect(stale.n).toBe(0)

    // Restoring the sentence brings the orphan back exactly.
    const restored = updateArticleText(db, { id, text: newText.replace('partisans', 'saboteurs') })
    expect(restored.reanchor?.orphaned).toEqual([])
    expect(getEvent(db, e.id).citations.every((c) => !c.orphaned)).toBe(true)
  })

  it('sets the publication date as the user', () => {
    const archive = tempArchive()
    const id = addArticle(archive, PARAS)
    expect(setArticleDate(archive.db, { id, edtf: '2024-05-11' }).published).toEqual({
      edtf: '2024-05-11',
      precision: 'day',
      provenance: 'user'
    })
    expect(() => setArticleDate(archive.db, { id, edtf: 'May 11' })).toThrow(/not a supported EDTF date/)
    expect(setArticleDate(archive.db, { id, edtf: null }).published).toBeNull()
  })

  it('stores a year the user does not know as unknown: no days, so no date filter or sort places it', () => {
    const archive = tempArchive()
    const id = addArticle(archive, PARAS)
    expect(setArticleDate(archive.db, { id, edtf: 'XXXX-03-17' }).published).toEqual({ edtf: 'XXXX-03-17', precision: 'day', provenance: 'user' })
    expect(archive.db.prepare('SELECT published_earliest, published_latest FROM articles WHERE id = ?').get(id)).toEqual({
      published_earliest: null,
      published_latest: null
    })
  })
})

describe('updateArticle language', () => {
  it('sets the language (primary subtag lower case) and clears it with null', () => {
    const archive = tempArchive()
    const id = addArticle(archive, PARAS)
    expect(updateArticle(archive.db, { id, language: 'PT-BR' }).article.language).toBe('pt-BR')
    expect(updateArticle(archive.db, { id, language: null }).article.language).toBeNull()
    expect(() => updateArticle(archive.db, { id, language: 'Portuguese' })).toThrow(/not a language tag/)
  })
})
