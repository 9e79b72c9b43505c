import { describe, expect, it } from 'vitest'
import { listEntityIds } from '../../../src/main/archive/repo/entity-lookup'
import { mergeEntities, setEntityHidden } from '../../../src/main/entities/corrections'
import { nameGroupKey } from '../../../src/main/entities/group'
import { searchEngine } from '../../../src/main/search/engine'
import { runSearch } from '../../../src/main/search/execute'
import type { NamedKind } from '../../../src/shared/entities'
import { tempArchive } from '../../support/tmp'
import { addArticleNaming } from './helpers'

const FIXTURES: [string, [string, NamedKind][]][] = [
  ['Massoud crossed the river at dawn with the Water Board engineers.', [['Massoud', 'person'], ['Water Board', 'org']]],
  ['Engineers said Masood inspected the dam near Baglan.', [['Masood', 'person'], ['Baglan', 'place']]],
  ['Масуд не комментировал ремонт плотины.', [['Масуд', 'person']]],
  ['The Irrigation Office met farmers in Dushi.', [['Irrigation Office', 'org'], ['Dushi', 'place']]]
]

function setup() {
  const archive = tempArchive()
  const ids = FIXTURES.map(([text, specs]) => addArticleNaming(archive, text, specs))
  const engine = searchEngine(archive.db)
  const hits = (query: string): number[] => runSearch(engine, { query, sort: 'date' }).hits.map((h) => h.articleId).sort()
  return { archive, ids, engine, hits }
}

describe('entity filters and facets in search', () => {
  it('person: matches every spelling and script of the person; -person: leaves them out', () => {
    const { ids, hits } = setup()
    for (const q of ['person:massoud', 'person:Masood', 'person:Масуд']) expect(hits(q), q).toEqual([ids[0], ids[1], ids[2]])
    expect(hits('-person:masood')).toEqual([ids[3]])
    expect(hits('person:karimi')).toEqual([])
  })

  it('place: keeps the dateline and adds mentioned places in any spelling; org: follows a merge', () => {
    const { archive, ids, hits } = setup()
    expect(hits('place:baghlan')).toEqual([ids[1]])
    expect(hits('org:"water board"')).toEqual([ids[0]])
    const [board, office] = ['Water Board', 'Irrigation Office'].map(
      (n) => listEntityIds(archive.db, { kind: 'org', prefix: n, limit: 1, offset: 0 }).ids[0]!
    )
    mergeEntities(archive.db, board!, [office!])
    expect(hits('org:"irrigation office"')).toEqual([ids[0], ids[3]])
  })

  it('place: reaches a place the gazetteer keys by its id through a spelling it was seen under', () => {
    const { archive, engine } = setup()
    const place = (): { lat: number; lon: number; country: string; geonameId: number } => ({ lat: 36.1, lon: 68.7, country: 'AF', geonameId: 1135689 })
    const id = addArticleNaming(archive, 'Workers reached Kelagai before noon.', [['Kelagai', 'place']], { place })
    const hits = (query: string): number[] => runSearch(engine, { query, sort: 'date' }).hits.map((h) => h.articleId).sort()
    expect(hits('place:kelagai')).toEqual([id])
    // Kalagay has a key of its own, and no shown name contains it.
    expect(hits('place:Kalagay')).toEqual([])
    // Once the gazetteer has placed that spelling (remembered in place_keys), it leads to the place's id.
    archive.db.prepare('INSERT INTO place_keys (key, place_key) VALUES (?, ?)').run(nameGroupKey('place', 'Kalagay'), 'geo:1135689')
    expect(hits('place:Kalagay')).toEqual([id])
  })

  it('counts entity facets over the matches, leaving hidden entities out', () => {
    const { archive, engine } = setup()
    const facets = runSearch(engine, { query: 'engineers OR farmers OR plotiny OR плотины' }).facets
    expect(facets.person).toEqual([{ value: 'Massoud', count: 3 }])
    expect(facets.org.map((f) => f.value).sort()).toEqual(['Irrigation Office', 'Water Board'])
    expect(facets.mentionedPlace.map((f) => f.value).sort()).toEqual(['Baglan', 'Dushi'])
    setEntityHidden(archive.db, listEntityIds(archive.db, { kind: 'place', prefix: 'Dushi', limit: 1, offset: 0 }).ids[0]!, true)
    expect(runSearch(engine, { query: 'farmers' }).facets.mentionedPlace).toEqual([])
  })

  it('says how many matches the entity facets were counted in, sampled evenly when more match', () => {
    const archive = tempArchive()
    // Six reports in import order: the first three name one envoy, the last three another.
    const envoys = ['Karimi', 'Karimi', 'Karimi', 'Haidari', 'Haidari', 'Haidari']
    for (const name of envoys) addArticleNaming(archive, `Envoy ${name} reported on the talks.`, [[name, 'person']])
    const engine = searchEngine(archive.db)
    const all = runSearch(engine, { query: 'talks' })
    expect(all.total).toBe(6)
    expect(all.facets.entitiesCounted).toBe(6)
    expect(all.facets.person).toEqual([
      { value: 'Haidari', count: 3 },
      { value: 'Karimi', count: 3 }
    ])
    // Two of six: one from each half, not the first two imported (which name only Karimi).
    const sampled = runSearch(engine, { query: 'talks' }, { entitySample: 2 })
    expect(sampled.total).toBe(6)
    expect(sampled.facets.entitiesCounted).toBe(2)
    expect(sampled.facets.person).toEqual([
      { value: 'Haidari', count: 1 },
      { value: 'Karimi', count: 1 }
    ])
    expect(runSearch(engine, { query: 'nothing-matches-this' }).facets.entitiesCounted).toBe(0)
  })
})
