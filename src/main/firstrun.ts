/**
 * First run: an empty archive that has never been seeded gets the sample articles shipped in
 * resources/sample, imported through the normal pipeline (no prebuilt database), so a new user
 * sees a working archive at once. A settings row makes this happen at most once per archive.
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Archive } from './archive/archive'
import { runImport } from './import/pipeline'
import type { ImportReport } from '../shared/types'

/** Settings key recording that first-run seeding was decided for this archive. */
export const SAMPLE_SETTING = 'firstrun.sample'

export type SampleOutcome =
  | { seeded: true; report: ImportReport }
  | { seeded: false; reason: 'already-decided' | 'not-empty' | 'no-sample' }

function readSetting(archive: Archive, key: string): string | undefined {
  return archive.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value
}

function writeSetting(archive: Archive, key: string, value: string): void {
  archive.db
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, value)
}

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
  if (readSetting(archive, SAMPLE_SETTING) !== undefined) return { seeded: false, reason: 'already-decided' }
  const articles = (archive.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
  if (articles > 0) {
    writeSetting(archive, SAMPLE_SETTING, 'not-empty')
    return { seeded: false, reason: 'not-empty' }
  }
  const articlesDir = join(sampleDir(resourcesDir), 'articles')
  if (!existsSync(articlesDir)) return { seeded: false, reason: 'no-sample' }
  const report = await runImport(archive, [{ kind: 'path', path: articlesDir }])
  writeSetting(archive, SAMPLE_SETTING, `seeded ${report.added.length}`)
  return { seeded: true, report }
}
