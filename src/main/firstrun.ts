/**
 * First run: the user's own archive starts empty, and a separate archive beside it (its folder
 * fixed by the app, see defaultSampleArchiveDir) gets the sample articles shipped in
 * resources/sample, imported through the normal pipeline (no prebuilt database). Keeping the
 * sample apart means fictional articles never mix into the user's facets, events or exports,
 * and the whole sample goes with one action (removeSampleArchive). A settings row in the own
 * archive makes the offer at most once.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AnnalistError } from '../shared/errors'
import { openArchive, type Archive } from './archive/archive'
import { archiveCounts } from './archive/repo/counts'
import { articleOfFileName } from './archive/repo/files'
import { isSampleArchive, markSampleArchive } from './archive/repo/identity'
import { readSetting, writeSetting } from './archive/repo/settings'
import { runImport } from './import/pipeline'
import { createChronology } from './chronology/chronologies'
import { createEvent } from './chronology/events'
import type { ImportReport } from '../shared/types'
import type { ClaimStatus, Stance } from '../shared/chronology'

/** Settings key (in the user's own archive) recording that the first-run offer was decided. */
export const SAMPLE_SETTING = 'firstrun.sample'

/** Where the sample lives and where it comes from. */
export interface SampleSource {
  /** The app's resources folder (holding sample/). */
  resourcesDir: string
  /** The separate sample archive's folder. */
  archiveDir: string
}

export type SampleOutcome =
  /** `seeded` is null when the sample archive was there already (made by an earlier first run). */
  | { offered: true; dir: string; seeded: { articles: number; events: number } | null }
  /** `folder-taken`: the sample's folder holds an archive that is not the sample; it is left alone. */
  | { offered: false; reason: 'already-decided' | 'not-empty' | 'no-sample' | 'is-sample' | 'folder-taken' }

/** The sample folder inside a resources directory. */
export function sampleDir(resourcesDir: string): string {
  return join(resourcesDir, 'sample')
}

/** Imports the sample articles and builds the sample chronology in `archive` (whatever it holds). */
export async function seedSample(archive: Archive, resourcesDir: string): Promise<{ report: ImportReport; events: number }> {
  const report = await runImport(archive, [{ kind: 'path', path: join(sampleDir(resourcesDir), 'articles') }])
  const chronologyFile = join(sampleDir(resourcesDir), 'chronology.json')
  const events = existsSync(chronologyFile) ? seedChronology(archive, JSON.parse(readFileSync(chronologyFile, 'utf8')) as SampleChronology) : 0
  return { report, events }
}

/**
 * On the first run of an empty own archive, makes the separate sample archive (unless an earlier
 * run made it) and records the offer in `own`. An own archive that already has articles is
 * marked so it is never offered the sample later (even after the user deletes everything).
 */
export async function offerSampleArchive(own: Archive, source: SampleSource): Promise<SampleOutcome> {
  if (readSetting(own.db, SAMPLE_SETTING) !== undefined) return { offered: false, reason: 'already-decided' }
  const dir = resolve(source.archiveDir)
  if (dir === own.dir) return { offered: false, reason: 'is-sample' }
  if (archiveCounts(own.db).articles > 0) {
    writeSetting(own.db, SAMPLE_SETTING, 'not-empty')
    return { offered: false, reason: 'not-empty' }
  }
  if (!existsSync(join(sampleDir(source.resourcesDir), 'articles'))) return { offered: false, reason: 'no-sample' }
  let seeded: { articles: number; events: number } | null = null
  let sample: Archive
  try {
    sample = openArchive(dir)
  } catch (err) {
    // Open in another Annalist right now: it exists, which is all the offer needs.
    if (err instanceof AnnalistError && err.code === 'archive-locked') return decided(own, dir, null)
    throw err
  }
  try {
    if (!isSampleArchive(sample.db)) {
      if (archiveCounts(sample.db).articles > 0) return { offered: false, reason: 'folder-taken' }
      const { report, events } = await seedSample(sample, source.resourcesDir)
      markSampleArchive(sample.db)
      seeded = { articles: report.added.length, events }
    }
  } finally {
    sample.close()
  }
  return decided(own, dir, seeded)
}

function decided(own: Archive, dir: string, seeded: { articles: number; events: number } | null): SampleOutcome {
  writeSetting(own.db, SAMPLE_SETTING, `offered the sample archive at ${dir}`)
  return { offered: true, dir, seeded }
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
