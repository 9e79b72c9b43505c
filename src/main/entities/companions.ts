/** The entities an entity shares articles with, and how its companions share them among themselves. */
import type { Db } from '../archive/db'
import { companionArticles, hiddenAmong } from '../archive/repo/entities'

export interface Companion {
  id: number
  /** Articles shared with the centre (among its latest; see `companionArticles`). */
  together: number
}

/** Every entity other than the centre, by how many of the articles hold it: most first, then by id. */
export function rankCompanions(articles: readonly (readonly number[])[], centre: number): Companion[] {
  const together = new Map<number, number>()
  for (const ids of articles) for (const id of ids) if (id !== centre) together.set(id, (together.get(id) ?? 0) + 1)
  return [...together].map(([id, n]) => ({ id, together: n })).sort((x, y) => y.together - x.together || x.id - y.id)
}

/** How many of the articles hold each pair of the given entities (a < b), heaviest first, then by a and b. */
export function pairWeights(articles: readonly (readonly number[])[], ids: readonly number[]): { a: number; b: number; weight: number }[] {
  const wanted = new Set(ids)
  const weights = new Map<string, number>()
  for (const all of articles) {
    // Each article's ids are ascending, so each pair comes out a < b.
    const held = all.filter((id) => wanted.has(id))
    for (let i = 0; i < held.length; i++) {
      for (let j = i + 1; j < held.length; j++) {
        const pair = `${held[i]} ${held[j]}`
        weights.set(pair, (weights.get(pair) ?? 0) + 1)
      }
    }
  }
  return [...weights]
    .map(([pair, weight]) => {
      const [a, b] = pair.split(' ').map(Number) as [number, number]
      return { a, b, weight }
    })
    .sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b)
}

/** The entity's `limit` first companions the user has not hidden, and the articles they were counted in. */
export function companionsOf(db: Db, centre: number, limit: number): { companions: Companion[]; articles: number[][] } {
  const articles = companionArticles(db, centre)
  const ranked = rankCompanions(articles, centre)
  const companions: Companion[] = []
  // Hidden entities are few: the flags are read for a few more candidates than wanted at a time.
  for (let at = 0; at < ranked.length && companions.length < limit; at += limit * 2) {
    const batch = ranked.slice(at, at + limit * 2)
    const hidden = hiddenAmong(db, batch.map((c) => c.id))
    for (const c of batch) if (!hidden.has(c.id) && companions.length < limit) companions.push(c)
  }
  return { companions, articles }
}
