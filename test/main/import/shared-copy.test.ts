import { cpSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Archive } from '../../../src/main/archive/archive'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { getEvent } from '../../../src/main/archive/repo/events'
import { createEvent } from '../../../src/main/chronology/events'
import { redo, undo, undoState } from '../../../src/main/archive/journal'
import { listProposals, suggestEvents } from '../../../src/main/chronology/proposals/store'
import { runImport } from '../../../src/main/import/pipeline'
import { expectConsistent } from '../../support/migrations'
import { tempArchive, tempDir } from '../../support/tmp'
import { span } from '../chronology/helpers'

const DIR = resolve(__dirname, '../../fixtures/import/shared-copy')
const BACKGROUND = 'The Alqueva dam, completed in 2002, holds the largest artificial lake'
const QUOTE = '"The gates will stay open until the level falls below the alert mark'
const PITCH = 'Get the Valley Herald morning briefing delivered to your inbox before breakfast every weekday.'

async function importFiles(archive: Archive, names: string[]): Promise<Awaited<ReturnType<typeof runImport>>> {
  const dir = tempDir()
  mkdirSync(join(dir, 'in'))
  for (const name of names) cpSync(join(DIR, name), join(dir, 'in', name))
  return runImport(archive, [{ kind: 'path', path: join(dir, 'in') }])
}

function ordinalOf(archive: Archive, id: number, start: string): number {
  return getArticle(archive.db, id).paragraphs.find((p) => p.text.startsWith(start))!.ordinal
}

function searchHits(archive: Archive, word: string): number[] {
  return archive.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(word) as number[]
}

describe('shared copy within one outlet and across outlets', () => {
  it('links two dispatches of one agency repeating a background paragraph and a quote, both ways, naming the paragraphs', async () => {
    const archive = tempArchive()
    const report = await importFiles(archive, ['atlantico-gates.txt', 'atlantico-mertola.txt'])
    const [gates, mertola] = report.added.map((a) => a.id) as [number, number]
    expect(getArticle(archive.db, gates).outlet).toBe('Atlantico')
    expect(getArticle(archive.db, mertola).outlet).toBe('Atlantico')
    const pairs = [
      { ordinal: ordinalOf(archive, mertola, BACKGROUND), otherOrdinal: ordinalOf(archive, gates, BACKGROUND) },
      { ordinal: ordinalOf(archive, mertola, QUOTE), otherOrdinal: ordinalOf(archive, gates, QUOTE) }
    ]
    // Paragraphs in different places on each side: the background is 2nd in one and 4th in the other.
    expect(pairs).toEqual([
      { ordinal: 2, otherOrdinal: 4 },
      { ordinal: 4, otherOrdinal: 2 }
    ])
    expect(report.nearDuplicates).toEqual([{ articleId: mertola, otherId: gates, sharedParagraphs: 2, paragraphs: pairs }])
    expect(getArticle(archive.db, mertola).nearDuplicates).toEqual([
      { articleId: gates, title: getArticle(archive.db, gates).title, outlet: 'Atlantico', sharedParagraphs: 2, paragraphs: pairs }
    ])
    expect(getArticle(archive.db, gates).nearDuplicates).toEqual([
      {
        articleId: mertola,
        title: getArticle(archive.db, mertola).title,
        outlet: 'Atlantico',
        sharedParagraphs: 2,
        paragraphs: pairs.map((p) => ({ ordinal: p.otherOrdinal, otherOrdinal: p.ordinal })).sort((a, b) => a.ordinal - b.ordinal)
      }
    ])
    // Two articles repeating copy are not boilerplate: nothing dropped or cleaned.
    expect(report.cleaned).toEqual([])
    expect(getArticle(archive.db, gates).paragraphs).toHaveLength(4)
  })

  it('still finds the same background paragraph in another outlet', async () => {
    const archive = tempArchive()
    const report = await importFiles(archive, ['atlantico-gates.txt', 'atlantico-mertola.txt', 'courier-guadiana.txt'])
    const [gates, mertola, courier] = report.added.map((a) => a.id) as [number, number, number]
    expect(getArticle(archive.db, courier).outlet).toBe('Southern Courier')
    const own = ordinalOf(archive, courier, BACKGROUND)
    expect(report.nearDuplicates.filter((n) => n.articleId === courier)).toEqual([
      { articleId: courier, otherId: gates, sharedParagraphs: 1, paragraphs: [{ ordinal: own, otherOrdinal: ordinalOf(archive, gates, BACKGROUND) }] },
      { articleId: courier, otherId: mertola, sharedParagraphs: 1, paragraphs: [{ ordinal: own, otherOrdinal: ordinalOf(archive, mertola, BACKGROUND) }] }
    ])
  })

  it('cleans earlier articles of a line the outlet turns out to repeat, re-anchoring or orphaning their citations, undoably', async () => {
    const archive = tempArchive()
    const { db } = archive
    const first = await importFiles(archive, ['herald-bridge.txt', 'herald-market.txt'])
    const [bridge, market] = first.added.map((a) => a.id) as [number, number]
    // Two articles carrying the pitch are not enough to call it boilerplate.
    expect(getArticle(db, bridge).paragraphs.map((p) => p.text)).toContain(PITCH)
    expect(first.cleaned).toEqual([])
    const bridgeText = getArticle(db, bridge).text
    const marketText = getArticle(db, market).text
    const event = createEvent(db, {
      title: 'Lorries kept off the bridge',
      date: '2024-03-01',
      citations: [
        { articleId: bridge, ...span(bridgeText, 'Lorries over 12 tonnes will still have to use the ring road') },
        { articleId: market, ...span(marketText, 'morning briefing delivered to your inbox') },
        { articleId: market, ...span(marketText, 'The Saturday market in Brennmoor will move') }
      ]
    })
    const citation = (exact: string): (typeof event.citations)[number] => event.citations.find((c) => c.anchor.exact.startsWith(exact))!
    const [afterPitch, onPitch, beforePitch] = [citation('Lorries').id, citation('morning').id, citation('The Saturday').id]
    expect(searchHits(archive, 'inbox')).toEqual([bridge, market])
    const januaryAt = suggestEvents(db, market).find((p) => p.expression === 'January')!.anchor.start

    const third = await importFiles(archive, ['herald-school.txt'])
    const school = third.added[0]!.id
    expect(getArticle(db, school).paragraphs.map((p) => p.text)).not.toContain(PITCH)
    expect(third.cleaned).toEqual([
      {
        articleId: school,
        outlet: 'Valley Herald',
        cleanedIds: [bridge, market],
        paragraphs: 2,
        citationsMoved: [afterPitch],
        citationsOrphaned: [onPitch],
        actionId: expect.any(Number)
      }
    ])
    for (const id of [bridge, market]) {
      const article = getArticle(db, id)
      expect(article.paragraphs.map((p) => p.text)).not.toContain(PITCH)
      expect(article.text).not.toContain('briefing')
      expect(article.paragraphs.map((p) => p.ordinal)).toEqual([1, 2])
      expect(article.text.slice(article.paragraphs[1]!.start, article.paragraphs[1]!.end)).toBe(article.paragraphs[1]!.text)
    }
    const cited = new Map(getEvent(db, event.id).citations.map((c) => [c.id, c]))
    const moved = cited.get(afterPitch)!
    expect(moved.orphaned).toBe(false)
    expect(getArticle(db, bridge).text.slice(moved.anchor.start, moved.anchor.end)).toBe(moved.anchor.exact)
    expect(moved.anchor.start).toBeLessThan(citation('Lorries').anchor.start)
    // The quoted line is gone: the citation keeps its words and says so, it is not moved elsewhere.
    expect(cited.get(onPitch)).toMatchObject({ orphaned: true, anchor: citation('morning').anchor })
    expect(cited.get(beforePitch)).toMatchObject({ orphaned: false, anchor: citation('The Saturday').anchor })
    expect(searchHits(archive, 'inbox')).toEqual([])
    // Proposals follow the text they were read from.
    const proposals = listProposals(db, market)
    expect(proposals.find((p) => p.expression === 'January')!.anchor.start).toBe(januaryAt - PITCH.length - 2)
    for (const p of proposals) expect(getArticle(db, market).text.slice(p.anchor.start, p.anchor.end)).toBe(p.anchor.exact)
    expectConsistent(db)

    // One undoable action, named for the user; undo restores both articles and every anchor.
    expect(undoState(db).label).toBe('Remove a line repeated by Valley Herald from 2 earlier articles')
    undo(db)
    expect(getArticle(db, bridge).text).toBe(bridgeText)
    expect(getArticle(db, market).text).toBe(marketText)
    expect(getEvent(db, event.id).citations).toEqual(event.citations)
    expect(searchHits(archive, 'inbox')).toEqual([bridge, market])
    expectConsistent(db)
    redo(db)
    expect(getArticle(db, bridge).text).not.toContain('briefing')
    expect(getEvent(db, event.id).citations.find((c) => c.id === onPitch)!.orphaned).toBe(true)

    // Undone or not, a learned line is not cleaned again by the next import.
    undo(db)
    const fourth = await importFiles(archive, ['courier-guadiana.txt'])
    expect(fourth.cleaned).toEqual([])
    expect(getArticle(db, bridge).text).toBe(bridgeText)
  })
})
