import { describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/archive/db'
import { nameGroupKey } from '../../../src/main/entities/group'
import { articlesMentioning } from '../../../src/main/entities/lookup'
import { storeArticleMentions } from '../../../src/main/entities/store'
import type { NamedKind } from '../../../src/shared/entities'
import { tempArchive } from '../../support/tmp'
import type { Archive } from '../../../src/main/archive/archive'
import { renameEntity } from '../../../src/main/entities/corrections'
import { addArticle } from '../chronology/helpers'

/**
 * The filter's meaning read off every entity of the kind and its spellings: its key, a word of
 * its key, the shown name containing the text (as a word if shorter than three letters), or a
 * spelling it was seen under.
 */
function byScan(db: Db, kind: NamedKind, keys: readonly string[], text: string): number[] {
  const escape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`)
  const rows = db.prepare('SELECT id, key, coalesce(user_name, name) AS shown FROM entities WHERE kind = ?').all(kind) as { id: number; key: string; shown: string }[]
  const like = (value: string, pattern: string): boolean =>
    db.prepare("SELECT ? LIKE ? ESCAPE '\\'").pluck().get(value, pattern) === 1
  const spellings = (id: number): string[] => db.prepare('SELECT text FROM entity_spellings WHERE entity_id = ?').pluck().all(id) as string[]
  const typed = escape(text.toLowerCase())
  const shortText = [...text].length < 3
  const ids = rows
    .filter(
      (r) =>
        keys.includes(r.key) ||
        keys.some((k) => like(` ${r.key} `, `% ${escape(k)} %`)) ||
        (shortText ? like(` ${r.shown.toLowerCase()} `, `% ${typed} %`) : like(r.shown.toLowerCase(), `%${typed}%`)) ||
        spellings(r.id).some((s) => s.toLowerCase() === text.toLowerCase())
    )
    .map((r) => r.id)
  return db
    .prepare('SELECT DISTINCT article_id FROM entity_mentions WHERE entity_id IN (SELECT value FROM json_each(?)) ORDER BY article_id')
    .pluck()
    .all(JSON.stringify(ids)) as number[]
}

const NAMES: [string, NamedKind][] = [
  ['Vantori Bank', 'org'],
  ['Bank of the Vantori Valley', 'org'],
  ['UN Development Programme', 'org'],
  ['Fund_50% Relief', 'org'],
  ['Ölmez Holding', 'org'],
  ['Masood Holdings', 'org'],
  ['The Vantori Times', 'org'],
  ['Ashraf Zorvani', 'person'],
  ['Zorvani', 'person'],
  ['Kelagai', 'place'],
  ['Sunni Waqf', 'org'],
  ['Li Wenbo', 'person'],
  ['Malina', 'person']
]

/** An article naming `name` once, stored with its mention; the gazetteer's everyday name as `canonical`. */
function mention(archive: Archive, name: string, kind: NamedKind, canonical: string | null = null): number {
  const text = `On that day ${name} was named in this report.`
  const id = addArticle(archive, [text], { title: `Report on ${name}` })
  const start = text.indexOf(name)
  archive.db.transaction(() => storeArticleMentions(archive.db, id, [{ start, end: start + name.length, text: name, kind, canonical, place: null }]))()
  return id
}

describe('articles mentioning an entity named by what the user typed', () => {
  it('finds what reading every entity of the kind finds, through the trigram index', () => {
    const archive = tempArchive()
    const { db } = archive
    for (const [name, kind] of NAMES) mention(archive, name, kind)
    // A place seen under spellings its key does not hold (the gazetteer named it by its everyday name).
    for (const spelling of ['America', 'US', 'United States']) mention(archive, spelling, 'place', 'United States')
    db.prepare("UPDATE entities SET user_name = 'Relief Agency' WHERE name = 'Fund_50% Relief'").run()
    const typed: [NamedKind, string][] = [
      ['org', 'vantori'], ['org', 'Bank'], ['org', 'UN'], ['org', 'un'], ['org', '50%'], ['org', 'd_5'], ['org', 'relief agency'],
      ['org', 'Fund'], ['org', 'ölmez'], ['org', 'ÖLMEZ'], ['org', 'valley of'], ['org', 'ood hold'], ['org', 'SOOD'], ['org', 'e vant'], ['person', 'Zorvani'], ['person', 'ashraf'], ['place', 'ela'],
      ['org', 'n'], ['person', 'li'], ['place', 'America'], ['place', 'us'], ['place', 'united states'], ['place', 'ted st']
    ]
    let found = 0
    for (const [kind, text] of typed) {
      const got = [...articlesMentioning(db, kind, text)].sort((a, b) => a - b)
      // The key the lookup tries is the typed name's own (no decisions here).
      const key = nameGroupKey(kind, text)
      expect(got, `${kind}:${text}`).toEqual(byScan(db, kind, key === '' ? [] : [key], text))
      found += got.length
    }
    expect(found).toBeGreaterThan(10)
  })

  it('takes a name shorter than three letters as a word, a spelling seen or a name the user gave', () => {
    const archive = tempArchive()
    const { db } = archive
    const un = mention(archive, 'UN Development Programme', 'org')
    mention(archive, 'Sunni Waqf', 'org')
    const fund = mention(archive, 'Fund for Peace', 'org')
    const li = mention(archive, 'Li Wenbo', 'person')
    mention(archive, 'Malina Ostrova', 'person')
    const states = [mention(archive, 'America', 'place', 'United States'), mention(archive, 'US', 'place', 'United States')]
    mention(archive, 'Russia', 'place')
    const sorted = (ids: number[]): number[] => [...ids].sort((a, b) => a - b)
    expect(articlesMentioning(db, 'org', 'UN')).toEqual([un])
    expect(articlesMentioning(db, 'person', 'Li')).toEqual([li])
    expect(sorted(articlesMentioning(db, 'place', 'us'))).toEqual(states)
    expect(sorted(articlesMentioning(db, 'place', 'AMERICA'))).toEqual(states)
    // A name the user gave is found whole, though no spelling and no trigram holds it.
    const peace = db.prepare("SELECT id FROM entities WHERE name = 'Fund for Peace'").pluck().get() as number
    expect(articlesMentioning(db, 'org', 'FP')).toEqual([])
    renameEntity(db, peace, 'FP')
    expect(articlesMentioning(db, 'org', 'fp')).toEqual([fund])
  })
})
