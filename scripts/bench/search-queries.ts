/**
 * The fixed benchmark query mix, drawn deterministically from an archive's own vocabulary:
 * rare word, common word, two-word AND, phrase, prefix, fuzzy (transliterated names and typos),
 * and a word filtered by outlet and date. 200 queries, the same for a given archive and seed.
 */
import type { Db } from '../../src/main/archive/db'
import { OUTLETS, TRANSLITERATIONS, sentencePool } from './corpus'
import { mulberry32 as prng } from './prng'

export type QueryKind = 'rare' | 'common' | 'and' | 'phrase' | 'prefix' | 'fuzzy' | 'filtered'

export interface BenchQuery {
  kind: QueryKind
  query: string
}


function terms(db: Db, min: number, max: number, minLength = 4): string[] {
  return (db
    .prepare('SELECT term FROM search_vocab WHERE docs BETWEEN ? AND ? ORDER BY term')
    .pluck()
    .all(min, max) as string[]).filter((t) => t.length >= minLength && /^[a-z]+$/.test(t))
}

/** Builds the 200-query mix for an archive of `n` articles. */
export function benchQueries(db: Db, n: number, seed = 7): BenchQuery[] {
  const rand = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const rare = terms(db, 2, 20, 5)
  const common = terms(db, Math.floor(n * 0.1), Math.floor(n * 0.5))
  const medium = terms(db, Math.max(3, Math.floor(n * 0.003)), Math.floor(n * 0.05), 5)
  const out: BenchQuery[] = []
  const add = (kind: QueryKind, count: number, make: () => string): void => {
    for (let i = 0; i < count; i++) out.push({ kind, query: make() })
  }
  add('rare', 30, () => pick(rare))
  add('common', 28, () => pick(common))
  add('and', 28, () => `${pick(medium)} ${pick(common)}`)
  const sentences = sentencePool()
  add('phrase', 28, () => {
    for (;;) {
      const words = pick(sentences).split(' ')
      const start = Math.floor(rand() * Math.max(1, words.length - 3))
      const phrase = words.slice(start, start + 2 + Math.floor(rand() * 2))
      if (phrase.every((w) => /^[A-Za-z]{3,}$/.test(w))) return `"${phrase.join(' ').toLowerCase()}"`
    }
  })
  add('prefix', 28, () => {
    const word = pick(medium)
    return `${word.slice(0, Math.max(4, Math.min(6, word.length - 2)))}*`
  })
  add('fuzzy', 28, () => {
    if (rand() < 0.5) return `${pick(pick(TRANSLITERATIONS)).toLowerCase().replace(/[^a-z]/g, '')}~`
    const word = pick(medium)
    const at = 1 + Math.floor(rand() * (word.length - 2))
    return `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}~`
  })
  add('filtered', 30, () => {
    const year = 2019 + Math.floor(rand() * 4)
    return `${pick(medium)} outlet:"${pick(OUTLETS)}" after:${year}-01-01 before:${year + 1}-06-30`
  })
  return out
}
