import { describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/archive/db'
import { undo } from '../../../src/main/archive/journal'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { articleMentionList, entitySummaries } from '../../../src/main/archive/repo/entities'
import { listEntityIds } from '../../../src/main/archive/repo/entity-lookup'
import { mergeEntities, renameEntity, setEntityHidden, splitEntity } from '../../../src/main/entities/corrections'
import type { FoundMention } from '../../../src/main/entities/group'
import { extractArchive } from '../../../src/main/entities/job'
import { storeArticleMentions } from '../../../src/main/entities/store'
import type { NamedKind } from '../../../src/shared/entities'
import { tempArchive } from '../../support/tmp'
import { addArticle } from '../chronology/helpers'

type Spec = [text: string, kind: NamedKind, geonameId?: number]

/** Mentions of each spelling at its first place in `text` (what an extractor would report). */
function found(text: string, specs: Spec[]): FoundMention[] {
  return specs.map(([name, kind, geonameId]) => {
    const start = text.indexOf(name)
    if (start < 0) throw new Error(`${name} not in fixture`)
    return {
      start,
      end: start + name.length,
      text: name,
      kind,
      canonical: null,
      place: geonameId === undefined ? null : { lat: 36.13, lon: 68.7, country: 'AF', geonameId }
    }
  })
}

const ARTICLES: [string, Spec[]][] = [
  ['Commander Massoud met elders in Baghlan on Tuesday, the governor said.', [['Massoud', 'person'], ['Baghlan', 'place', 1147290]]],
  ['Masood later drove north from Baglan towards the pass.', [['Masood', 'person'], ['Baglan', 'place']]],
  ['Масуд провёл встречу в Баглане; Баглан остаётся спокойным.', [['Масуд', 'person'], ['Баглан', 'place']]],
  ['The Ministry of Water said the canal at Kelagai would reopen.', [['Ministry of Water', 'org'], ['Kelagai', 'place']]]
]

function seed(): { db: Db; ids: number[]; extract: (id: number) => void } {
  const archive = tempArchive()
  const ids = ARTICLES.map(([text]) => addArticle(archive, [text]))
  const extract = (id: number): void => {
    const text = getArticle(archive.db, id).text
    const specs = ARTICLES.find(([t]) => text.includes(t))![1]
    archive.db.transaction(() => storeArticleMentions(archive.db, id, found(text, specs)))()
  }
  for (const id of ids) extract(id)
  return { db: archive.db, ids, extract }
}

function named(db: Db, kind: NamedKind): { name: string; aliases: string[]; articles: number; hidden: boolean }[] {
  return entitySummaries(db, listEntityIds(db, { kind, includeHidden: true, limit: 100, offset: 0 }).ids).map((e) => ({
    name: e.name,
    aliases: [...e.aliases].sort(),
    articles: e.articles,
    hidden: e.hidden
  }))
}

describe('storing mentions', () => {
  it('groups Massoud, Masood and Масуд as one person and Baghlan, Baglan and Баглан as one place', () => {
    const { db } = seed()
    expect(named(db, 'person')).toEqual([{ name: 'Massoud', aliases: ['Masood', 'Massoud', 'Масуд'], articles: 3, hidden: false }])
    const places = named(db, 'place')
    expect(places[0]).toMatchObject({ aliases: ['Baghlan', 'Baglan', 'Баглан'], articles: 3 })
    expect(places.map((p) => p.name)).toContain('Kelagai')
    const baghlan = entitySummaries(db, listEntityIds(db, { kind: 'place', limit: 1, offset: 0 }).ids)[0]!
    expect([baghlan.lat, baghlan.country]).toEqual([36.13, 'AF'])
  })

  it('names a person by the most used full name, even where the surname alone is used more', () => {
    const archive = tempArchive()
    const text = 'Dmitry Zorvath spoke first. Later Zorvath said no, and Zorvath left.'
    const id = addArticle(archive, [text])
    const at = (from: number): FoundMention => ({ start: text.indexOf('Zorvath', from), end: text.indexOf('Zorvath', from) + 7, text: 'Zorvath', kind: 'person', canonical: null, place: null })
    archive.db.transaction(() => storeArticleMentions(archive.db, id, [...found(text, [['Dmitry Zorvath', 'person']]), at(20), at(text.indexOf('and'))]))()
    expect(named(archive.db, 'person')).toEqual([{ name: 'Dmitry Zorvath', aliases: ['Dmitry Zorvath', 'Zorvath'], articles: 1, hidden: false }])
    // Places and organisations keep their most used spelling.
    const other = 'The Vantori said so; Vantori agreed, and Vantori left.'
    const second = addArticle(archive, [other])
    const org = (from: number, name: string): FoundMention => ({ start: other.indexOf(name, from), end: other.indexOf(name, from) + name.length, text: name, kind: 'org', canonical: null, place: null })
    archive.db.transaction(() => storeArticleMentions(archive.db, second, [org(0, 'The Vantori'), org(15, 'Vantori'), org(other.indexOf('and'), 'Vantori')]))()
    expect(named(archive.db, 'org')).toEqual([{ name: 'Vantori', aliases: ['The Vantori', 'Vantori'], articles: 1, hidden: false }])
  })

  it('a spelling the gazetteer lacks finds the place named later in the same article', () => {
    const archive = tempArchive()
    const text = 'The ambush was laid in the province of Baglan. Elders in Baghlan said the road was closed.'
    const id = addArticle(archive, [text])
    archive.db.transaction(() => storeArticleMentions(archive.db, id, found(text, [['Baglan', 'place'], ['Baghlan', 'place', 1147290]])))()
    expect(named(archive.db, 'place')).toEqual([{ name: 'Baghlan', aliases: ['Baghlan', 'Baglan'], articles: 1, hidden: false }])
    const place = entitySummaries(archive.db, listEntityIds(archive.db, { kind: 'place', limit: 1, offset: 0 }).ids)[0]!
    expect([place.lat, place.country]).toEqual([36.13, 'AF'])
  })

  it('a name taken for an organisation only as a last resort joins the person or place the archive knows', () => {
    const archive = tempArchive()
    const store = (text: string, mentions: FoundMention[]): void => {
      const id = addArticle(archive, [text])
      archive.db.transaction(() => storeArticleMentions(archive.db, id, mentions))()
    }
    const guess = (text: string, name: string): FoundMention => ({ ...found(text, [[name, 'org']])[0]!, guessed: true })
    store('Vice President Amrulah Saleh spoke in Baghlan.', found('Vice President Amrulah Saleh spoke in Baghlan.', [['Amrulah Saleh', 'person'], ['Baghlan', 'place', 1147290]]))
    store('Ford hired Saleh after Amrullah Saleh left Baglan.', [
      guess('Ford hired Saleh after Amrullah Saleh left Baglan.', 'Amrullah Saleh'),
      guess('Ford hired Saleh after Amrullah Saleh left Baglan.', 'Baglan'),
      guess('Ford hired Saleh after Amrullah Saleh left Baglan.', 'Ford')
    ])
    expect(named(archive.db, 'person')).toEqual([{ name: 'Amrullah Saleh', aliases: ['Amrulah Saleh', 'Amrullah Saleh'], articles: 2, hidden: false }])
    expect(named(archive.db, 'place').map((p) => [p.aliases, p.articles])).toEqual([[['Baghlan', 'Baglan'], 2]])
    // A guess nothing contradicts stays an organisation; one the extractor was sure of is never re-kinded.
    expect(named(archive.db, 'org').map((o) => o.name)).toEqual(['Ford'])
    // A lone surname the same article guessed follows the full name it turned into the person.
    const later = 'Amrullah Saleh fled north. The fighters were led by Saleh.'
    store(later, [guess(later, 'Amrullah Saleh'), { ...guess(later, 'Saleh'), start: later.lastIndexOf('Saleh'), end: later.lastIndexOf('Saleh') + 5 }])
    expect(named(archive.db, 'person').map((p) => [p.name, p.articles])).toEqual([['Amrullah Saleh', 3]])
    expect(named(archive.db, 'org').map((o) => o.name)).toEqual(['Ford'])
  })

  it('a person named in full takes the organisation an earlier article guessed under the same name, unless the user decided about it', () => {
    const archive = tempArchive()
    const store = (text: string, mentions: FoundMention[]): number => {
      const id = addArticle(archive, [text])
      archive.db.transaction(() => storeArticleMentions(archive.db, id, mentions))()
      return id
    }
    const guess = (text: string, name: string): FoundMention => ({ ...found(text, [[name, 'org']])[0]!, guessed: true })
    const first = 'Talks with Ashraf Ghani and Tamsin Vell stalled.'
    store(first, [guess(first, 'Ashraf Ghani'), guess(first, 'Tamsin Vell')])
    // The user hid one of the two guesses: that one is left as it is.
    const vell = entitySummaries(archive.db, listEntityIds(archive.db, { kind: 'org', includeHidden: true, limit: 10, offset: 0 }).ids).find((e) => e.name === 'Tamsin Vell')!
    setEntityHidden(archive.db, vell.id, true)
    const second = 'President Ashraf Ghani and Senator Tamsin Vell flew to Kabul.'
    store(second, found(second, [['Ashraf Ghani', 'person'], ['Tamsin Vell', 'person']]))
    expect(named(archive.db, 'person').map((p) => [p.name, p.articles])).toEqual([
      ['Ashraf Ghani', 2],
      ['Tamsin Vell', 1]
    ])
    expect(named(archive.db, 'org').map((o) => [o.name, o.articles, o.hidden])).toEqual([['Tamsin Vell', 1, true]])
    // Stored again, the first article's guess now joins the person as before.
    const third = 'Ashraf Ghani left.'
    store(third, [guess(third, 'Ashraf Ghani')])
    expect(named(archive.db, 'person').map((p) => [p.name, p.articles])).toEqual([
      ['Ashraf Ghani', 3],
      ['Tamsin Vell', 1]
    ])
  })

  it('replaces an article’s mentions when it is extracted again, and recounts', () => {
    const { db, ids, extract } = seed()
    extract(ids[0]!)
    extract(ids[0]!)
    expect(named(db, 'person')[0]!.articles).toBe(3)
    expect(articleMentionList(db, ids[0]!).map((m) => m.text)).toEqual(['Massoud', 'Baghlan'])
  })
})

describe('corrections', () => {
  it('a merge survives re-extraction, and undo reverses exactly the merge', () => {
    const { db, ids } = seed()
    const [water] = listEntityIds(db, { kind: 'org', limit: 1, offset: 0 }).ids
    // A second organisation spelled unlike the first, merged by hand.
    const text = getArticle(db, ids[3]!).text
    db.transaction(() =>
      storeArticleMentions(db, ids[3]!, [...found(text, [['Ministry of Water', 'org'], ['Kelagai', 'place']]), { start: 4, end: 12, text: 'Ministry', kind: 'org', canonical: null, place: null }])
    )()
    const orgs = listEntityIds(db, { kind: 'org', limit: 10, offset: 0 }).ids
    expect(orgs).toHaveLength(2)
    const other = orgs.find((id) => id !== water)!
    const { actionId } = mergeEntities(db, water!, [other])
    expect(named(db, 'org')).toEqual([{ name: 'Ministry of Water', aliases: ['Ministry', 'Ministry of Water'], articles: 1, hidden: false }])
    db.transaction(() =>
      storeArticleMentions(db, ids[3]!, [...found(text, [['Ministry of Water', 'org'], ['Kelagai', 'place']]), { start: 4, end: 12, text: 'Ministry', kind: 'org', canonical: null, place: null }])
    )()
    expect(listEntityIds(db, { kind: 'org', limit: 10, offset: 0 }).ids).toEqual([water])
    expect(actionId).not.toBeNull()
    undo(db, actionId!)
    expect(listEntityIds(db, { kind: 'org', limit: 10, offset: 0 }).ids.sort()).toEqual([...orgs].sort())
  })

  it('a split keeps the spelling apart after re-extraction; rename and hide survive it too', () => {
    const { db, ids, extract } = seed()
    const [massoud] = listEntityIds(db, { kind: 'person', limit: 1, offset: 0 }).ids
    const { value } = splitEntity(db, massoud!, ['масуд'])
    expect(value.kept.aliases.sort()).toEqual(['Masood', 'Massoud'])
    expect(value.created.aliases).toEqual(['Масуд'])
    renameEntity(db, massoud!, 'Ahmad Shah Massoud')
    setEntityHidden(db, value.created.id, true)
    for (const id of ids) extract(id)
    expect(named(db, 'person')).toEqual([
      { name: 'Ahmad Shah Massoud', aliases: ['Ahmad Shah Massoud', 'Masood', 'Massoud'], articles: 2, hidden: false },
      { name: 'Масуд', aliases: ['Масуд'], articles: 1, hidden: true }
    ])
    expect(articleMentionList(db, ids[2]!).map((m) => m.text)).toEqual(['Баглан'])
  })

  it('a split can be undone after articles stored since were given to the entity it made', async () => {
    const { db, ids, extract } = seed()
    const [massoud] = listEntityIds(db, { kind: 'person', limit: 1, offset: 0 }).ids
    const { actionId, value } = splitEntity(db, massoud!, ['Масуд'])
    extract(ids[2]!)
    expect(articleMentionList(db, ids[2]!)[0]!.entityId).toBe(value.created.id)
    undo(db, actionId!)
    // The undo put back counts from before the article was stored again; a run over the archive recounts.
    const specs = new Map(ARTICLES)
    const end = await extractArchive(db, {
      jobId: 'all',
      signal: new AbortController().signal,
      extract: (text) => found(text, specs.get(text.trim())!),
      onProgress: () => {}
    })
    expect(end.state).toBe('done')
    expect(named(db, 'person')).toEqual([{ name: 'Massoud', aliases: ['Masood', 'Massoud', 'Масуд'], articles: 3, hidden: false }])
  })

  it('refuses a merge across kinds and a split of a spelling the entity never had, naming them', () => {
    const { db } = seed()
    const [person] = listEntityIds(db, { kind: 'person', limit: 1, offset: 0 }).ids
    const [place] = listEntityIds(db, { kind: 'place', limit: 1, offset: 0 }).ids
    expect(() => mergeEntities(db, person!, [place!])).toThrow(/cannot merge place "Baghlan" .* into person "Massoud"/)
    expect(() => splitEntity(db, person!, ['Mansour'])).toThrow(/never written "mansour"/)
    expect(() => splitEntity(db, person!, ['Massoud', 'Masood', 'Масуд'])).toThrow(/would leave nothing/)
  })
})
