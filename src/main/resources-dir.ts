import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The app's resources folder (holding sample/) next to the source or the build, or null. */
export function findResourcesDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const candidate of [join(here, '../../resources'), join(here, '../../../resources'), join(here, '../resources')]) {
    if (existsSync(join(candidate, 'sample', 'articles'))) return resolve(candidate)
  }
  return null
}
