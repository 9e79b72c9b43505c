import { describe, expect, it } from 'vitest'
import type { Archive } from '../../../src/main/archive/archive'
import { articleMentionList } from '../../../src/main/archive/repo/entities'
import { createBackend } from '../../../src/main/backend'
import { nameGroupKey } from '../../../src/main/entities/group'
import { rekeyStoredEntities } from '../../../src/main/entities/rekey'
import { ENTITY_RULES_VERSION } from '../../../src/main/version'
import { tempArchive } from '../../support/tmp'
import { addArticleNaming } from './helpers'

const PROVINCE = nameGroupKey('place', 'Province')
const oldKey = (name: string): string => `${nameGroupKey('place', name)} ${PROVINCE}`

/** The archive as version 1 left it: "X Province" keyed with its division word, and decisions under those keys. */
function archiveOfVersion1(): { archive: Archive; province: number; bare: number; kelmi: number; articles: number[] } {
  const archive = tempArchive()
  const db = archive.db
  const a = addArticleNaming(archive, 'Elders of Zorvath Province met.', [['Zorvath Province', 'place']])
  const entityOf = (articleId: number): number => articleMentionList(db, articleId)[0]!.entityId
  const province = entityOf(a)
  db.prepare('UPDATE entities SET key = ? WHERE id = ?').run(oldKey('Zorvath'), province)
  // Version 1 kept the bare name apart.
  const b = addArticleNaming(archive, 'Officials in Zorvath said so.', [['Zorvath', 'place']])
  const bare = entityOf(b)
  const c = addArticleNaming(archive, 'Kelmi Province was calm.', [['Kelmi Province', 'place']])
  const kelmi = entityOf(c)
  db.prepare('UPDATE entities SET key = ?, hidden = 1 WHERE id = ?').run(oldKey('Kelmi'), kelmi)
  const decide = db.prepare("INSERT INTO entity_decisions (kind, action, subject, value) VALUES ('place', ?, ?, ?)")
  decide.run('rename', oldKey('Zorvath'), 'Zorvath (province)')
  decide.run('hide', oldKey('Kelmi'), '1')
  decide.run('merge', oldKey('Tarn'), oldKey('Zorvath'))
  decide.run('split', 'kelmi province', oldKey('Kelmi'))
  decide.run('merge', nameGroupKey('place', 'Quell'), nameGroupKey('place', 'Zorvath'))
  db.prepare("INSERT INTO settings (key, value) VALUES ('entities.keys', '1') ON CONFLICT (key) DO UPDATE SET value = '1'").run()
  return { archive, province, bare, kelmi, articles: [a, b, c] }
}

const decisions = (archive: Archive): unknown[] =>
  archive.db.prepare("SELECT action, subject, value FROM entity_decisions WHERE kind = 'place' ORDER BY action, subject").raw().all()

describe("re-keying what version 1 stored with a place's division word", () => {
  it('joins the province to its bare name, keeps ids it can, and moves every decision to the new keys', () => {
    const { archive, province, bare, kelmi, articles } = archiveOfVersion1()
    rekeyStoredEntities(archive.db, 2)
    const db = archive.db
    const row = (id: number): unknown => db.prepare('SELECT key, articles FROM entities WHERE id = ?').get(id)
    // The province's mentions went to the bare name's entity; the emptied row is gone.
    expect(row(province)).toBeUndefined()
    expect(row(bare)).toEqual({ key: nameGroupKey('place', 'Zorvath'), articles: 2 })
    expect(articleMentionList(db, articles[0]!)[0]!.entityId).toBe(bare)
    // A province with no bare twin keeps its id under the new key.
    expect(row(kelmi)).toEqual({ key: nameGroupKey('place', 'Kelmi'), articles: 1 })
    const z = nameGroupKey('place', 'Zorvath')
    expect(decisions(archive)).toEqual([
      ['hide', nameGroupKey('place', 'Kelmi'), '1'],
      ['merge', nameGroupKey('place', 'Quell'), z],
      ['merge', nameGroupKey('place', 'Tarn'), z],
      ['rename', z, 'Zorvath (province)'],
      ['split', 'kelmi province', nameGroupKey('place', 'Kelmi')]
    ])
    expect(db.prepare("SELECT value FROM settings WHERE key = 'entities.keys'").pluck().get()).toBe('2')
    // Once is enough: a second run finds nothing to do.
    const before = decisions(archive)
    db.prepare("UPDATE entity_decisions SET value = 'kept' WHERE action = 'rename'").run()
    rekeyStoredEntities(db, 2)
    expect(decisions(archive)).not.toEqual(before)
  })

  it("folds people's keys as version 2 does: Ahmad and Ahmed become one person, with the rename made on either", () => {
    const archive = tempArchive()
    const db = archive.db
    // As version 1 stored them: the vowels kept, so two people.
    const a = addArticleNaming(archive, 'Ahmad Massoud spoke.', [['Ahmad Massoud', 'person']])
    const first = articleMentionList(db, a)[0]!.entityId
    db.prepare('UPDATE entities SET key = ? WHERE id = ?').run('ahmad masud', first)
    const b = addArticleNaming(archive, 'Officials said Ahmed Masoud agreed.', [['Ahmed Masoud', 'person']])
    const second = articleMentionList(db, b)[0]!.entityId
    expect(second).not.toBe(first)
    db.prepare('UPDATE entities SET key = ? WHERE id = ?').run('ahmid masud', second)
    // The user renamed and hid the second, as version 1 stored it: the decision and the entity's columns.
    db.prepare("INSERT INTO entity_decisions (kind, action, subject, value) VALUES ('person', 'rename', 'ahmid masud', 'Ahmad Massoud (NRF)'), ('person', 'hide', 'ahmid masud', '1')").run()
    db.prepare("UPDATE entities SET user_name = 'Ahmad Massoud (NRF)', hidden = 1 WHERE id = ?").run(second)
    db.prepare("INSERT INTO settings (key, value) VALUES ('entities.keys', '1')").run()
    rekeyStoredEntities(db, 2)
    const key = nameGroupKey('person', 'Ahmad Massoud')
    // The first to be re-keyed keeps its id; the second is absorbed into it.
    expect(db.prepare("SELECT id, key, articles FROM entities WHERE kind = 'person'").all()).toEqual([{ id: first, key, articles: 2 }])
    expect(db.prepare("SELECT action, subject, value FROM entity_decisions WHERE kind = 'person' ORDER BY action").raw().all()).toEqual([
      ['hide', key, '1'],
      ['rename', key, 'Ahmad Massoud (NRF)']
    ])
    // The entity that absorbed it shows what the user decided.
    expect(db.prepare('SELECT user_name, hidden FROM entities WHERE id = ?').get(first)).toEqual({ user_name: 'Ahmad Massoud (NRF)', hidden: 1 })
  })

  it('runs when a writable backend opens the archive, and stored decisions then apply to new mentions', async () => {
    const { archive, kelmi } = archiveOfVersion1()
    const backend = createBackend(archive)
    expect(archive.db.prepare("SELECT value FROM settings WHERE key = 'entities.keys'").pluck().get()).toBe(String(ENTITY_RULES_VERSION))
    const later = addArticleNaming(archive, 'Farmers left Kelmi Province.', [['Kelmi Province', 'place']])
    // (The Reader's list leaves hidden entities out: the stored row says where the mention went.)
    expect(archive.db.prepare('SELECT entity_id FROM entity_mentions WHERE article_id = ?').pluck().all(later)).toEqual([kelmi])
    const page = await backend.api.getEntity({ id: kelmi })
    expect(page.entity).toMatchObject({ hidden: true, articles: 2 })
  })
})
