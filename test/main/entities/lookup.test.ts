import { describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/archive/db'
import { nameGroupKey } from '../../../src/main/entities/group'
import { articlesMentioning } from '../../../src/main/entities/lookup'
import { storeArticleMentions } from '../../../src/main/entities/store'
import type { NamedKind } from '../../../src/shared/entities'
import { tempArchive } from '../../support/tmp'
import { addArticle } from '../chronology/helpers'

/** The filter's meaning read off every entity of the kind, as it was before the trigram index. */
function byScan(db: Db, kind: NamedKind, keys: readonly string[], text: string): number[] {
  const escape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`)
  const rows = db.prepare('SELECT id, key, coalesce(user_name, name) AS shown FROM entities WHERE kind = ?').all(kind) as { id: number; key: string; shown: string }[]
  const like = (value: string, pattern: string): boolean =>
    db.prepare("SELECT ? LIKE ? ESCAPE '\\'").pluck().get(value, pattern) === 1
  const ids = rows
    .filter(
      (r) =>
        keys.includes(r.key) ||
        keys.some((k) => like(` ${r.key} `, `% ${escape(k)} %`)) ||
        like(r.shown.toLowerCase(), `%${escape(text.toLowerCase())}%`)
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
  ['Kelagai', 'place']
]

describe('articles mentioning an entity named by what the user typed', () => {
  it('finds what reading every entity of the kind finds, through the trigram index', () => {
    const archive = tempArchive()
    const { db } = archive
    NAMES.forEach(([name, kind], i) => {
      const text = `On day ${i} ${name} was named in this report.`
      const id = addArticle(archive, [text], { title: `Report ${i}` })
      const start = text.indexOf(name)
      db.transaction(() => storeArticleMentions(db, id, [{ start, end: start + name.length, text: name, kind, canonical: null, place: null }]))()
    })
    db.prepare("UPDATE entities SET user_name = 'Relief Agency' WHERE name = 'Fund_50% Relief'").run()
    const typed: [NamedKind, string][] = [
      ['org', 'vantori'], ['org', 'Bank'], ['org', 'UN'], ['org', 'un'], ['org', '50%'], ['org', 'd_5'], ['org', 'relief agency'],
      ['org', 'Fund'], ['org', 'ölmez'], ['org', 'ÖLMEZ'], ['org', 'valley of'], ['org', 'ood hold'], ['org', 'SOOD'], ['org', 'e vant'], ['person', 'Zorvani'], ['person', 'ashraf'], ['place', 'ela']
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
})
