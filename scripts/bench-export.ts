/**
 * Export benchmark: a temp archive with N events (default 2,000) citing 200 articles (two
 * citations each, one passage shared between neighbouring events, every 13th event disputed),
 * exported in every format through the same path as the CLI and the API (read + render).
 * Reports the median and worst of repeated runs and the output size.
 *
 *   npx tsx scripts/bench-export.ts [--events 2000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { insertArticle } from '../src/main/archive/repo/articles'
import { createChronology } from '../src/main/chronology/chronologies'
import { insertEvent } from '../src/main/chronology/events'
import { exportFromArchive } from '../src/main/export/load'
import { EXPORT_FORMATS } from '../src/shared/export'

const { values } = parseArgs({ options: { events: { type: 'string', default: '2000' } } })
const EVENTS = Number(values.events)
const ARTICLES = 200
const RUNS = 7

const dir = mkdtempSync(join(tmpdir(), 'annalist-bench-export-'))
const archive = openArchive(join(dir, 'archive'))
const { db } = archive
try {
  const articleIds = db.transaction(() =>
    Array.from({ length: ARTICLES }, (_, i) =>
      insertArticle(
        db,
        {
          title: `Dispatch ${i}: fighting reported in the valley`,
          dek: null,
          outlet: `Outlet ${i % 7}`,
          byline: i % 3 ? `Reporter ${i % 11} Surname` : null,
          place: null,
          url: `https://example.org/dispatch/${i}`,
          published: { edtf: '2021-09-01', precision: 'day', provenance: 'meta' },
          language: 'en',
          paragraphs: Array.from({ length: 8 }, (_, p) => ({ text: `Paragraph ${p} of dispatch ${i}: the clashes began at night, a spokesman said.`, page: null }))
        },
        null
      )
    )
  )()
  const chronology = createChronology(db, { name: 'Bench', description: 'Benchmark chronology.' }).id
  db.transaction(() => {
    for (let i = 0; i < EVENTS; i++) {
      const month = 1 + (i % 9)
      const day = 1 + (i % 28)
      insertEvent(db, {
        title: `Event ${i}: clashes near the pass`,
        note: i % 4 === 0 ? `Note on event ${i} with *emphasis* and a #tag.` : '',
        date: i % 10 === 0 ? `2021-0${month}` : `2021-0${month}-${String(day).padStart(2, '0')}`,
        status: i % 13 === 0 ? 'disputed' : 'reported',
        tags: [`tag${i % 20}`],
        chronologyIds: [chronology],
        citations: [
          { articleId: articleIds[i % ARTICLES]!, start: 0, end: 40 },
          { articleId: articleIds[(i + 1) % ARTICLES]!, start: 0, end: 40, stance: i % 13 === 0 ? 'contradicts' : 'supports' }
        ]
      })
    }
  })()
  console.log(`${EVENTS} events, ${ARTICLES} articles, 2 citations per event`)
  for (const format of EXPORT_FORMATS) {
    const ms: number[] = []
    let size = 0
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now()
      size = exportFromArchive(db, format, { chronologyId: chronology, bibliography: true }).content.length
      ms.push(performance.now() - t)
    }
    ms.sort((a, b) => a - b)
    const median = ms[Math.floor(ms.length / 2)]!.toFixed(1)
    console.log(`export ${format.padEnd(10)} median ${median.padStart(7)} ms   max ${ms[ms.length - 1]!.toFixed(1).padStart(7)} ms   ${(size / 1024).toFixed(0).padStart(6)} KiB   (${RUNS} runs)`)
  }
} finally {
  archive.close()
  rmSync(dir, { recursive: true, force: true })
}
