/**
 * Chronology benchmark: a temp archive with N events (default 2,000), each citing one of 200
 * articles, tagged and placed, in two chronologies. Measures what the chronology pane and the
 * timeline do on every refresh (list all events with citations; a filtered list), an edit plus
 * its undo and redo, re-anchoring an article cited 10 times after an edit, and proposals for
 * one article. Reports the median and worst of repeated runs.
 *
 *   npx tsx scripts/bench-chronology.ts [--events 2000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { insertArticle } from '../src/main/archive/repo/articles'
import { updateArticle, setArticleDate } from '../src/main/articles/edit'
import { createChronology } from '../src/main/chronology/chronologies'
import { listEvents } from '../src/main/archive/repo/events'
import { insertEvent, updateEvent } from '../src/main/chronology/events'
import { journaled, redo, undo } from '../src/main/archive/journal'
import { suggestEvents } from '../src/main/chronology/proposals/store'

const { values } = parseArgs({ options: { events: { type: 'string', default: '2000' } } })
const EVENTS = Number(values.events)
const ARTICLES = 200

const SENTENCES = [
  'The convoy left the valley on Tuesday after a night of shelling, officials said.',
  'On August 15, fighters entered the capital without meeting resistance.',
  'Last week, the first direct talks were held in the town of Beru.',
  'The clashes began at 23:00 local time (21:30 Moscow time) on Monday.',
  'A spokesman denied that the pass had fallen and said the fighting continues.'
]

function time(label: string, runs: number, fn: () => void): void {
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    ms.push(performance.now() - t)
  }
  ms.sort((a, b) => a - b)
  console.log(`${label.padEnd(52)} median ${ms[Math.floor(ms.length / 2)]!.toFixed(1).padStart(7)} ms   max ${ms[ms.length - 1]!.toFixed(1).padStart(7)} ms   (${runs} runs)`)
}

const dir = mkdtempSync(join(tmpdir(), 'annalist-bench-chronology-'))
const archive = openArchive(join(dir, 'archive'))
const { db } = archive
try {
  const articleIds = db.transaction(() =>
    Array.from({ length: ARTICLES }, (_, i) =>
      insertArticle(
        db,
        {
          title: `Dispatch ${i}`,
          dek: null,
          outlet: `Outlet ${i % 7}`,
          byline: null,
          place: null,
          url: null,
          published: { edtf: '2021-09-01', precision: 'day', provenance: 'meta' },
          language: 'en',
          paragraphs: Array.from({ length: 8 }, (_, p) => ({ text: `${SENTENCES[(i + p) % SENTENCES.length]} Paragraph ${p} of dispatch ${i}.`, page: null }))
        },
        null
      )
    )
  )()
  const a = createChronology(db, { name: 'A' }).id
  const b = createChronology(db, { name: 'B' }).id
  db.transaction(() => {
    for (let i = 0; i < EVENTS; i++) {
      const day = 1 + (i % 28)
      insertEvent(db, {
        title: `Event ${i}`,
        date: i % 10 === 0 ? `2021-0${1 + (i % 9)}` : `2021-0${1 + (i % 9)}-${String(day).padStart(2, '0')}`,
        status: i % 13 === 0 ? 'disputed' : 'reported',
        tags: [`tag${i % 20}`],
        people: [`Person ${i % 50}`],
        places: [`Place ${i % 30}`],
        chronologyIds: i % 2 ? [a] : [a, b],
        citations: [{ articleId: articleIds[i % ARTICLES]!, start: 0, end: 40 }]
      })
    }
  })()
  console.log(`${EVENTS} events, ${ARTICLES} articles`)
  time('listEvents (all, with citations)', 10, () => void listEvents(db, {}))
  time('listEvents (chronology B, tag, date range)', 10, () => void listEvents(db, { chronologyId: b, tag: 'tag4', from: '2021-03-01', to: '2021-06-30' }))
  let n = 0
  time('updateEvent (title, date, tags)', 20, () => void updateEvent(db, { id: 1 + (n++ % EVENTS), title: `Edited ${n}`, date: '2021-05-05', tags: ['edited'] }))
  time('undo of one edit', 20, () => void undo(db))
  time('redo of one edit', 20, () => void redo(db))
  const cited = articleIds[0]!
  const text = (db.prepare('SELECT text FROM articles WHERE id = ?').get(cited) as { text: string }).text
  let flip = false
  time(`updateArticle text + re-anchor (${Math.ceil(EVENTS / ARTICLES)} citations)`, 10, () => {
    flip = !flip
    updateArticle(db, { id: cited, text: flip ? `Note.\n\n${text}` : text })
  })
  setArticleDate(db, { id: articleIds[1]!, edtf: '2021-09-01' })
  time('suggestEvents (one 8-paragraph article)', 10, () => void suggestEvents(db, articleIds[1]!))
  time('journaled no-op action', 20, () => void journaled(db, 'noop', () => undefined))
} finally {
  archive.close()
  rmSync(dir, { recursive: true, force: true })
}
