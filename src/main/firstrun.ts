/**
 * First run: an empty archive that has never been seeded gets the sample articles shipped in
 * resources/sample, imported through the normal pipeline (no prebuilt database), so a new user
 * sees a working archive at once. A settings row makes this happen at most once per archive.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Archive } from './archive/archive'
import { archiveCounts } from './archive/repo/counts'
import { articleOfFileName } from './archive/repo/files'
import { readSetting, writeSetting } from './archive/repo/settings'
import { runImport } from './import/pipeline'
import { createChronology } from './chronology/chronologies'
import { createEvent } from './chronology/events'
import type { ImportReport } from '../shared/types'
import type { ClaimStatus, Stance } from '../shared/chronology'

/** Settings key recording that first-run seeding was decided for this archive. */
export const SAMPLE_SETTING = 'firstrun.sample'

export type SampleOutcome =
  | { seeded: true; report: ImportReport; events: number }
  | { seeded: false; reason: 'already-decided' | 'not-empty' | 'no-sample' }

/** The app's resources folder (holding sample/) next to the source or the build, or null. */
export function findResourcesDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const candidate of [join(here, '../../resources'), join(here, '../../../resources'), join(here, '../resources')]) {
    if (existsSync(join(candidate, 'sample', 'articles'))) return resolve(candidate)
  }
  return null
}

/** The sample folder inside a resources directory. */
export function sampleDir(resourcesDir: string): string {
  return join(resourcesDir, 'sample')
}

/**
 * Seeds `archive` with the sample when it holds no articles and was never seeded or declined
 * before; an archive that already has articles is marked so it is never seeded later (even
 * after the user deletes everything).
 */
export async function ensureSampleArchive(archive: Archive, resourcesDir: string): Promise<SampleOutcome> {
  if (readSetting(archive.db, SAMPLE_SETTING) !== undefined) return { seeded: false, reason: 'already-decided' }
  const articles = archiveCounts(archive.db).articles
  if (articles > 0) {
    writeSetting(archive.db, SAMPLE_SETTING, 'not-empty')
    return { seeded: false, reason: 'not-empty' }
  }
  const articlesDir = join(sampleDir(resourcesDir), 'articles')
  if (!existsSync(articlesDir)) return { seeded: false, reason: 'no-sample' }
  const report = await runImport(archive, [{ kind: 'path', path: articlesDir }])
  const chronologyFile = join(sampleDir(resourcesDir), 'chronology.json')
  const events = existsSync(chronologyFile) ? seedChronology(archive, JSON.parse(readFileSync(chronologyFile, 'utf8')) as SampleChronology) : 0
  writeSetting(archive.db, SAMPLE_SETTING, `seeded ${report.added.length} articles, ${events} events`)
  return { seeded: true, report, events }
}

/** The sample chronology file: events citing sample articles by file name and exact quote. */
export interface SampleChronology {
  name: string
  description: string
  events: {
    title: string
    date: string
    status?: ClaimStatus
    note?: string
    tags?: string[]
    people?: string[]
    places?: string[]
    citations: { file: string; quote: string; stance?: Stance }[]
  }[]
}

/**
 * Builds the sample chronology through the chronology repository, anchoring each citation by
 * finding its quote in the imported article's clean text. A quote that is not found is left out
 * rather than anchored somewhere else. The sample is the starting point, not something the user
 * did, so it leaves no undo history behind.
 */
export function seedChronology(archive: Archive, sample: SampleChronology): number {
  const { db } = archive
  let created = 0
  db.transaction(() => {
    const chronology = createChronology(db, { name: sample.name, description: sample.description })
    for (const e of sample.events) {
      const citations = e.citations.flatMap((c) => {
        const article = articleOfFileName(db, c.file)
        const start = article ? article.text.indexOf(c.quote) : -1
        if (!article || start < 0) return []
        return [{ articleId: article.id, start, end: start + c.quote.length, stance: c.stance ?? 'supports' }]
      })
      if (citations.length === 0) continue
      createEvent(db, {
        title: e.title,
        date: e.date,
        status: e.status ?? 'reported',
        note: e.note ?? '',
        tags: e.tags ?? [],
        people: e.people ?? [],
        places: e.places ?? [],
        chronologyIds: [chronology.id],
        citations
      })
      created++
    }
    db.exec('DELETE FROM undo_log; DELETE FROM undo_actions')
  })()
  return created
}
