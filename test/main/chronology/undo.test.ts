import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { deleteArticles } from '../../../src/main/articles/delete'
import { updateArticle } from '../../../src/main/articles/edit'
import { createChronology, listChronologies, renameChronology } from '../../../src/main/chronology/chronologies'
import { getEvent, listEvents } from '../../../src/main/archive/repo/events'
import { createEvent, deleteEvent, updateEvent } from '../../../src/main/chronology/events'
import { journaledAction, MAX_ACTIONS, redo, undo, undoState } from '../../../src/main/archive/journal'
import { mergeEvents } from '../../../src/main/chronology/merge'
import { tableRows, type TableRows } from '../../support/migrations'
import { tempArchive } from '../../support/tmp'
import { addArticle, span } from './helpers'

describe('undo and redo', () => {
  it('reverses and re-applies every kind of edit, step by step', () => {
    const archive = tempArchive()
    const { db } = archive
    const id = addArticle(archive, ['The bridge at Dolna was blown up on Friday night, residents said.'])
    const text = getArticle(db, id).text
    const chron = createChronology(db, { name: 'Dolna' })
    const a = createEvent(db, {
      title: 'Bridge destroyed',
      date: '2024-05-10',
      tags: ['bridge'],
      people: ['Ana Holt'],
      chronologyIds: [chron.id],
      citations: [{ articleId: id, ...span(text, 'blown up on Friday night') }]
    })
    const b = createEvent(db, { title: 'Bridge attacked', date: '2024-05-10~', places: ['Dolna'] })
    updateEvent(db, { id: a.id, title: 'Bridge blown up', status: 'confirmed' })
    mergeEvents(db, { targetId: a.id, sourceId: b.id })
    renameChronology(db, { id: chron.id, name: 'Dolna 2024' })
    const snapshot = (): unknown => ({ events: listEvents(db, {}), chronologies: listChronologies(db) })
    const states = [snapshot()]

    deleteEvent(db, a.id)
    states.push(snapshot())
    expect(listEvents(db, {})).toEqual([])

    expect(undo(db)).toEqual({ label: 'Delete event "Bridge blown up"', canUndo: true, canRedo: true })
    expect(snapshot()).toEqual(states[0])
    expect(undo(db).label).toBe('Rename chronology "Dolna"')
    expect(listChronologies(db)[0]!.name).toBe('Dolna')
    expect(undo(db).label).toBe('Merge "Bridge attacked" into "Bridge blown up"')
    expect(getEvent(db, b.id).places).toEqual(['Dolna'])
    expect(getEvent(db, a.id).places).toEqual([])
    expect(undo(db).label).toBe('Edit event "Bridge destroyed"')
    expect(getEvent(db, a.id)).toEqual(a)

    expect(redo(db).label).toBe('Edit event "Bridge destroyed"')
    expect(redo(db).label).toBe('Merge "Bridge attacked" into "Bridge blown up"')
    expect(redo(db).label).toBe('Rename chronology "Dolna"')
    expect(snapshot()).toEqual(states[0])
    expect(redo(db).label).toBe('Delete event "Bridge blown up"')
    expect(snapshot()).toEqual(states[1])
    expect(redo(db)).toEqual({ label: null, canUndo: true, canRedo: false })

    // A new edit after undo drops the redo history.
    undo(db)
    createEvent(db, { title: 'Other', date: '2024' })
    expect(undoState(db)).toMatchObject({ label: 'Create event "Other"', canRedo: false })
  })

  it('undoes article text edits (citations, search) and article deletion', () => {
    const archive = tempArchive()
    const { db } = archive
    const id = addArticle(archive, ['The army blamed saboteurs.', 'Second paragraph.'])
    const text = getArticle(db, id).text
    const e = createEvent(db, { title: 'Blame', date: '2024', citations: [{ articleId: id, ...span(text, 'blamed saboteurs') }] })
    const before = getArticle(db, id)
    updateArticle(db, { id, text: 'The army blamed partisans.' })
    expect(getEvent(db, e.id).citations[0]!.orphaned).toBe(true)
    undo(db)
    expect(getArticle(db, id)).toEqual(before)
    expect(getEvent(db, e.id)).toEqual(e)
    const search = (w: string): number => (db.prepare('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?').get(w) as { n: number }).n
    expect([search('saboteurs'), search('partisans')]).toEqual([1, 0])

    deleteEvent(db, e.id)
    deleteArticles(db, [id])
    undo(db)
    expect(getArticle(db, id)).toEqual({ ...before, eventCount: 0 })
    expect(search('saboteurs')).toBe(1)
  })

  it('keeps at least the last 50 actions', () => {
    const { db } = tempArchive()
    for (let i = 0; i < MAX_ACTIONS + 5; i++) createEvent(db, { title: `E${i}`, date: '2024' })
    let undone = 0
    while (undo(db).label !== null) undone++
    expect(undone).toBe(MAX_ACTIONS)
    expect(MAX_ACTIONS).toBeGreaterThanOrEqual(50)
    expect(listEvents(db, {}).map((e) => e.title)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4'])
  })
})

describe('undo of one identified action', () => {
  it('gives each action its id, nested calls the outer one, and none to an action that changed nothing', () => {
    const { db } = tempArchive()
    const outer = journaledAction(db, 'Two events', () => {
      createEvent(db, { title: 'First', date: '2024' })
      return journaledAction(db, 'Inner', () => createEvent(db, { title: 'Second', date: '2024' }))
    })
    expect(outer.value.actionId).toBe(outer.actionId)
    expect(outer.value.value.title).toBe('Second')
    expect(journaledAction(db, 'Nothing', () => 42)).toEqual({ value: 42, actionId: null })
    expect(undoState(db).label).toBe('Two events')
  })

  it('undoes the identified action only while it is the latest one done', () => {
    const { db } = tempArchive()
    const first = journaledAction(db, 'Create First', () => createEvent(db, { title: 'First', date: '2024' })).actionId!
    const second = journaledAction(db, 'Create Second', () => createEvent(db, { title: 'Second', date: '2024' })).actionId!
    const titles = (): string[] => listEvents(db, {}).map((e) => e.title)

    const refusal = (actionId: number): unknown => {
      try {
        undo(db, actionId)
      } catch (err) {
        return err
      }
      return null
    }

    expect(refusal(first)).toMatchObject({ code: 'conflict', message: 'cannot undo "Create First": later changes came after it; nothing was undone' })
    expect(titles()).toEqual(['First', 'Second'])
    expect(undo(db, second).label).toBe('Create Second')
    expect(refusal(second)).toMatchObject({ code: 'conflict', message: '"Create Second" is already undone' })
    expect(undo(db, first).label).toBe('Create First')
    expect(titles()).toEqual([])
    expect(refusal(first + 1000)).toMatchObject({ code: 'conflict', message: expect.stringMatching(/no longer in the undo history/) })
  })
})

describe('undo history from a foreign archive', () => {
  it('refuses to run statements Annalist did not write', () => {
    const { db } = tempArchive()
    createEvent(db, { title: 'A', date: '2024' })
    db.prepare("UPDATE undo_log SET sql = 'ATTACH DATABASE ''/tmp/x.sqlite'' AS x'").run()
    expect(() => undo(db)).toThrow(/undo history holds a statement Annalist did not write/)
    expect(listEvents(db, {}).map((e) => e.title)).toEqual(['A'])
  })
})

describe('undo and trigger-maintained state', () => {
  it('lets schema triggers rebuild derived rows instead of rewinding them', () => {
    const archive = tempArchive()
    const { db } = archive
    const id = addArticle(archive, ['The army blamed saboteurs.'])
    const generation = (): number => (db.prepare('SELECT generation FROM search_state').get() as { generation: number }).generation
    const hits = (w: string): number => (db.prepare('SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?').get(w) as { n: number }).n
    const g0 = generation()
    updateArticle(db, { id, text: 'The army blamed partisans.' })
    const g1 = generation()
    expect(g1).toBeGreaterThan(g0)
    undo(db)
    const g2 = generation()
    expect(g2).toBeGreaterThan(g1)
    expect([hits('saboteurs'), hits('partisans')]).toEqual([1, 0])
    redo(db)
    expect(generation()).toBeGreaterThan(g2)
    expect([hits('saboteurs'), hits('partisans')]).toEqual([0, 1])
  })
})

describe('undo with rows logged child-first', () => {
  it('defers foreign keys when a replay would insert a child before its parent', () => {
    const { db } = tempArchive()
    const e = createEvent(db, { title: 'Tagged', date: '2024', tags: ['t'], people: ['Ana Holt'] })
    deleteEvent(db, e.id)
    // Put the event's re-insert first in the log, so backwards replay reaches the children first.
    const action = (db.prepare("SELECT id FROM undo_actions WHERE state = 'done' ORDER BY id DESC LIMIT 1").get() as { id: number }).id
    const rows = db.prepare('SELECT seq, sql FROM undo_log WHERE action_id = ? ORDER BY seq').all(action) as { seq: number; sql: string }[]
    const parent = rows.findIndex((r) => r.sql.startsWith('INSERT INTO "events"'))
    expect(parent).toBeGreaterThan(0)
    const reordered = [rows[parent]!, ...rows.filter((_, i) => i !== parent)]
    const put = db.prepare('UPDATE undo_log SET sql = ? WHERE seq = ?')
    rows.forEach((r, i) => put.run(reordered[i]!.sql, r.seq))
    undo(db)
    expect(getEvent(db, e.id)).toEqual(e)
  })
})

describe('undo journal started inside a caller’s transaction', () => {
  it('still records edits after that transaction rolled back (an import that failed after cleaning articles)', () => {
    const archive = tempArchive()
    const { db } = archive
    const id = addArticle(archive, ['The bridge at Dolna was blown up on Friday night, residents said.'])
    // The first action of this connection runs inside an outer transaction that then fails.
    expect(() =>
      db.transaction(() => {
        journaledAction(db, 'Inside', () => updateArticle(db, { id, title: 'Renamed inside' }))
        throw new Error('the import failed later')
      })()
    ).toThrow('the import failed later')
    expect(getArticle(db, id).title).toBe('Test article')
    expect(undoState(db).canUndo).toBe(false)
    updateArticle(db, { id, title: 'Renamed after' })
    expect(undoState(db)).toMatchObject({ label: 'Edit article “Test article” (Test Wire, undated)', canUndo: true })
    undo(db)
    expect(getArticle(db, id).title).toBe('Test article')
  })
})

describe('undo of an action with many rows', () => {
  it('puts back every row of every table exactly, however the replayed inserts are grouped', () => {
    const archive = tempArchive()
    const { db } = archive
    // Titles and text with quotes, a literal ") VALUES (", and paragraphs enough for runs of
    // more than 500 logged inserts into one table; bodies are blobs.
    const paragraphs = (n: number): string[] =>
      Array.from({ length: n }, (_, i) => `Paragraph ${i} of the report: "it's done") VALUES ('x'), said O'Brien on day ${i}.`)
    const ids = [520, 40, 40].map((n, i) => addArticle(archive, paragraphs(n), { title: `Report ${i}: ") VALUES (" it's` }))
    db.prepare("UPDATE article_store SET dek = NULL, byline = 'O''Brien' WHERE id = ?").run(ids[0])
    // The history itself and the search upkeep's logs and counters move on; every other row is the user's.
    const kept = (): TableRows => {
      const rows = tableRows(db)
      for (const t of ['undo_actions', 'undo_log', 'search_article_log', 'search_vocab_queue', 'search_state']) delete rows[t]
      return rows
    }
    const before = kept()
    const logged = (): number => db.prepare("SELECT count(*) FROM undo_log WHERE action_id = (SELECT max(id) FROM undo_actions WHERE state = 'done')").pluck().get() as number
    deleteArticles(db, ids)
    expect(logged()).toBeGreaterThan(600)
    const after = kept()
    expect(after).not.toEqual(before)
    undo(db)
    expect(kept()).toEqual(before)
    redo(db)
    expect(kept()).toEqual(after)
    undo(db)
    expect(kept()).toEqual(before)
  })
})

describe('undo log of an update', () => {
  it('sets back only the columns the update changed, and undo and redo still restore the row', () => {
    const archive = tempArchive()
    const { db } = archive
    const id = addArticle(archive, ['The bridge at Dolna was blown up on Friday night, residents said.'])
    const before = db.prepare('SELECT * FROM article_store WHERE id = ?').get(id)
    updateArticle(db, { id, title: 'Renamed' })
    const after = db.prepare('SELECT * FROM article_store WHERE id = ?').get(id)
    const logged = db
      .prepare(`SELECT sql FROM undo_log WHERE action_id = (SELECT max(id) FROM undo_actions) AND sql LIKE 'UPDATE "article_store"%'`)
      .pluck()
      .all() as string[]
    expect(logged).toHaveLength(1)
    // The title and the time of the edit; not the packed text, the date or the outlet, which stayed.
    expect(logged[0]).toMatch(/^UPDATE "article_store" SET "title" = 'Test article', "updated_at" = '[^']+' WHERE "id" = \d+$/)
    undo(db)
    expect(db.prepare('SELECT * FROM article_store WHERE id = ?').get(id)).toEqual(before)
    redo(db)
    expect(db.prepare('SELECT * FROM article_store WHERE id = ?').get(id)).toEqual(after)
  })
})
