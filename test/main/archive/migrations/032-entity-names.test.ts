import { describe, expect, it } from 'vitest'
import { m032EntityNames } from '../../../../src/main/archive/migrations/032-entity-names'
import { expectConsistent, runMigrationCase } from '../../../support/migrations'
import type { Db } from '../../../../src/main/archive/db'

const candidates = (db: Db, column: 'key' | 'name' | 'user_name', like: string): number[] =>
  db.prepare(`SELECT rowid FROM entity_names WHERE ${column} LIKE ? ORDER BY rowid`).pluck().all(like) as number[]

describe('migration 032 (trigram index of entity names)', () => {
  it('indexes the names present, follows every change to them, and answers a LIKE from the index', () => {
    const { db } = runMigrationCase({
      version: m032EntityNames.version,
      seed(db) {
        db.prepare("INSERT INTO entities (kind, key, name) VALUES ('place', 'baglan', 'Baghlan'), ('org', 'taliban', 'Taliban')").run()
      }
    })
    // The names present before are indexed by the rebuild; those added after, by the triggers.
    expect(candidates(db, 'name', '%ghla%')).toEqual([1])
    expect(candidates(db, 'key', '%aliba%')).toEqual([2])
    const insert = db.prepare('INSERT INTO entities (kind, key, name) VALUES (?, ?, ?)')
    const bank = Number(insert.run('org', 'vantori bank', 'Vantori Bank').lastInsertRowid)
    const ministry = Number(insert.run('org', 'ministry of water', 'Ministry of Water').lastInsertRowid)
    const person = Number(insert.run('person', 'ashraf zurvini', 'Ashraf Zorvani').lastInsertRowid)
    expect(candidates(db, 'name', '%vantori%')).toEqual([bank])
    expect(candidates(db, 'name', '%WATER%')).toEqual([ministry])
    expect(candidates(db, 'key', '%zurv%')).toEqual([person])
    db.prepare('UPDATE entities SET user_name = ? WHERE id = ?').run('Water Authority', ministry)
    expect(candidates(db, 'user_name', '%authority%')).toEqual([ministry])
    db.prepare('UPDATE entities SET name = ? WHERE id = ?').run('Vantori Group', bank)
    expect(candidates(db, 'name', '%vantori bank%')).toEqual([])
    expect(candidates(db, 'name', '%vantori group%')).toEqual([bank])
    // The import rewrites a name on every article it stores; unchanged, the index is not touched.
    db.prepare('UPDATE entities SET name = name, mentions = mentions + 1 WHERE id = ?').run(person)
    db.prepare('DELETE FROM entities WHERE id = ?').run(bank)
    expect(candidates(db, 'name', '%vantori%')).toEqual([])
    expectConsistent(db)
    // The LIKE reaches the index (FTS5 marks a LIKE constraint "L"): no scan of every name.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT rowid FROM entity_names WHERE name LIKE ?').all('%water%') as { detail: string }[]
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/VIRTUAL TABLE INDEX \d+:L/)
  })
})
