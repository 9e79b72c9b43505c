import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built renderer: out/renderer next to out/main, wherever the code runs from. */
export function findRendererDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const candidate of [join(here, '../renderer'), join(here, '../../out/renderer'), join(here, '../../../out/renderer')]) {
    if (existsSync(join(candidate, 'index.html'))) return resolve(candidate)
  }
  return null
}
