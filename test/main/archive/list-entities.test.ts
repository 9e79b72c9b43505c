import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EntityRow } from '../../../src/main/archive/repo/entities'
import { listEntityIds, type EntityListQuery } from '../../../src/main/archive/repo/entity-lookup'
import { NAMED_KINDS, type NamedKind } from '../../../src/shared/entities'
import { tempArchive } from '../../support/tmp'

type Row = Omit<EntityRow, 'lat' | 'lon' | 'country'>

const WORDS = ['shum', 'shumssu', 'sh', 'tal', 'taliban', 'ma', 'masud', 'x', '50%', 'a_b', 'zq']

/** The list's meaning read off every row: the filter, then most articles first, then by id. */
function byScan(rows: readonly Row[], q: EntityListQuery): { ids: number[]; total: number } {
  const starts = (value: string | null, prefix: string): boolean => value !== null && value.toLowerCase().startsWith(prefix.toLowerCase())
  const typed = q.prefix?.trim() ?? ''
  // A kind's key starts the entity's key or one of its words, for entities of that kind only.
  const keyed = (r: Row): boolean => {
    const k = q.keyPrefixes?.[r.kind]
    return !!k && (starts(r.key, k) || r.key.split(' ').slice(1).some((w) => starts(w, k)))
  }
  const kept = rows
    .filter((r) => r.mentions > 0 && (!q.kind || r.kind === q.kind) && (q.includeHidden || r.hidden === 0))
    .filter(
      (r) =>
        typed === '' ||
        starts(r.name, typed) ||
        starts(r.user_name, typed) ||
        keyed(r)
    )
    .sort((a, b) => b.articles - a.articles || a.id - b.id)
  return { ids: kept.slice(q.offset, q.offset + q.limit).map((r) => r.id), total: kept.length }
}

describe('the entity list', () => {
  it('pages and counts as reading every entity would, by kind or all kinds, with any prefix and any key per kind', () => {
    const archive = tempArchive()
    const { db } = archive
    const insert = db.prepare('INSERT INTO entities (kind, key, name, user_name, hidden, mentions, articles) VALUES (?, ?, ?, ?, ?, ?, ?)')
    const rowArb = fc.record({
      kind: fc.constantFrom(...NAMED_KINDS),
      words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
      renamed: fc.option(fc.constantFrom(...WORDS), { nil: null }),
      hidden: fc.boolean(),
      articles: fc.nat({ max: 6 })
    })
    const queryArb = fc.record({
      kind: fc.option(fc.constantFrom(...NAMED_KINDS), { nil: undefined }),
      prefix: fc.option(fc.constantFrom(...WORDS, 'SHU', ' tal ', 'b'), { nil: undefined }),
      // Each kind's key as the API folds it, or another word: a kind's key finds that kind only.
      otherKeys: fc.record(Object.fromEntries(NAMED_KINDS.map((k) => [k, fc.constantFrom(...WORDS, '')])) as Record<NamedKind, fc.Arbitrary<string>>, {
        requiredKeys: []
      }),
      includeHidden: fc.boolean(),
      limit: fc.integer({ min: 1, max: 8 }),
      offset: fc.nat({ max: 12 })
    })
    const rows: Row[] = []
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 6 }), queryArb, (added, query) => {
        for (const a of added) {
          const key = a.words.join(' ')
          const name = a.words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ')
          // The same key twice for a kind is not allowed: keep the first.
          if (rows.some((r) => r.kind === a.kind && r.key === key)) continue
          const mentions = a.articles * 2
          const id = Number(insert.run(a.kind, key, name, a.renamed, a.hidden ? 1 : 0, mentions, a.articles).lastInsertRowid)
          rows.push({ id, kind: a.kind, key, name, user_name: a.renamed, hidden: a.hidden ? 1 : 0, mentions, articles: a.articles })
        }
        const { otherKeys, ...rest } = query
        const keyPrefixes = query.prefix === undefined ? {} : { ...Object.fromEntries(NAMED_KINDS.map((k) => [k, query.prefix!.trim().toLowerCase()])), ...otherKeys }
        const q: EntityListQuery = { ...rest, ...(query.prefix === undefined ? {} : { keyPrefixes }) }
        expect(listEntityIds(db, q)).toEqual(byScan(rows, q))
      }),
      { numRuns: 300 }
    )
    expect(rows.length).toBeGreaterThan(50)
  })
})
