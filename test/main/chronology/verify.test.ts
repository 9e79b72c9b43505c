import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { updateArticle } from '../../../src/main/articles/edit'
import { chronologyProblems } from '../../../src/main/archive/maintenance/chronology-check'
import { createEvent } from '../../../src/main/chronology/events'
import { tempArchive } from '../../support/tmp'
import { addArticle, span } from './helpers'

describe('chronologyProblems', () => {
  it('is quiet after edits made through the repositories and names drift made behind their back', () => {
    const archive = tempArchive()
    const { db } = archive
    const id = addArticle(archive, ['The army blamed saboteurs for the blast.'])
    const text = getArticle(db, id).text
    const e = createEvent(db, { title: 'Blame', date: '2024-05', citations: [{ articleId: id, ...span(text, 'blamed saboteurs') }] })
    updateArticle(db, { id, text: `Update.\n\n${text}` })
    updateArticle(db, { id, text: 'The army blamed partisans.' })
    expect(chronologyProblems(db)).toEqual([])

    updateArticle(db, { id, text })
    expect(chronologyProblems(db)).toEqual([])
    db.prepare("UPDATE citations SET text_hash = 'stale'").run()
    expect(chronologyProblems(db).map((p) => p.kind)).toEqual(['citation-hash'])
    db.prepare("UPDATE articles SET text = 'Rewritten without the repositories.' WHERE id = ?").run(id)
    db.prepare("UPDATE events SET earliest_day = '2024-05-02' WHERE id = ?").run(e.id)
    expect(chronologyProblems(db).map((p) => p.kind)).toEqual(['citation-drift', 'event-date'])
  })
})
