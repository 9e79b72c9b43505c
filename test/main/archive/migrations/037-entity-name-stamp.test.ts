import { describe, expect, it } from 'vitest'
import { m037EntityNameStamp } from '../../../../src/main/archive/migrations/037-entity-name-stamp'
import { entityNamesStamp } from '../../../../src/main/archive/repo/entities'
import { expectConsistent, runMigrationCase } from '../../../support/migrations'

describe('migration 037 (entity name order stamp)', () => {
  it('moves the stamp on every change of a shown name or hidden flag and on a delete, not on counts, an unchanged name or an insert', () => {
    const { db } = runMigrationCase({
      version: m037EntityNameStamp.version,
      seed(db) {
        db.prepare("INSERT INTO entities (kind, key, name) VALUES ('place', 'baglan', 'Baghlan'), ('org', 'taliban', 'Taliban')").run()
      }
    })
    expect(entityNamesStamp(db)).toBe(0)
    const moves = (statement: string, ...params: (string | number)[]): number => {
      const before = entityNamesStamp(db)
      db.prepare(statement).run(...params)
      return entityNamesStamp(db) - before
    }
    // An entity absent when an order was read is unknown to it: no move needed.
    expect(moves("INSERT INTO entities (kind, key, name) VALUES ('person', 'ashraf zurvini', 'Ashraf Zorvani')")).toBe(0)
    // What an import does to each entity of each article it stores.
    expect(moves('UPDATE entities SET name = name, mentions = mentions + 1, articles = articles + 1 WHERE id = 1')).toBe(0)
    expect(moves('UPDATE entities SET name = ? WHERE id = 1', 'Baglan')).toBe(1)
    expect(moves('UPDATE entities SET user_name = ? WHERE id = 2', 'Taliban movement')).toBe(1)
    expect(moves('UPDATE entities SET user_name = user_name WHERE id = 2')).toBe(0)
    expect(moves('UPDATE entities SET user_name = NULL WHERE id = 2')).toBe(1)
    expect(moves('UPDATE entities SET hidden = 1 WHERE id = 3')).toBe(1)
    expect(moves('UPDATE entities SET hidden = 1 WHERE id = 3')).toBe(0)
    expect(moves('UPDATE entities SET lat = 36.1, lon = 68.7 WHERE id = 1')).toBe(0)
    // A key's change rides on the names' trigger, which moves it too: a reading of the order more.
    expect(moves('UPDATE entities SET key = ? WHERE id = 1', 'baghlan')).toBe(1)
    expect(moves('DELETE FROM entities WHERE id = 2')).toBe(1)
    // The names' trigram index (migration 032), whose triggers now carry the stamp, still follows.
    const named = (like: string): number[] => db.prepare('SELECT rowid FROM entity_names WHERE name LIKE ? ORDER BY rowid').pluck().all(like) as number[]
    expect(named('%bagla%')).toEqual([1])
    expect(named('%talib%')).toEqual([])
    expect(named('%zorvan%')).toEqual([3])
    // The search generation, read by every search, is left alone: no cache of articles is dropped.
    expect(db.prepare('SELECT generation FROM search_state').pluck().get()).toBe(0)
    expectConsistent(db)
  })
})
