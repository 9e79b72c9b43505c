import { createRequire } from 'node:module'
import { readCities, type City } from './cities-pbf'
import { CITY_ALIASES, COUNTRY_ALIASES, REGION_ADJECTIVES, REGIONS, US_STATES } from './regions'
import { RU_PLACES } from './ru-places'
import { russianForms, foldYo } from './ru-forms'
import type { PlaceRef } from './types'

export type PlaceClass = 'country' | 'state' | 'region' | 'city'

export interface PlaceEntry {
  canonical: string
  place: PlaceRef | null
  type: PlaceClass
  /** Towns only: how many live there, to keep small towns for contexts that say "a place". */
  population: number
}

interface Gazetteer {
  /** English names (and diacritic-free spellings) of countries, states, regions and towns. */
  places: Map<string, PlaceEntry>
  /** "French" → France. */
  demonyms: Map<string, PlaceEntry>
  /** Russian names in all their case forms, ё folded to е. */
  ru: Map<string, PlaceEntry>
  /** US states by name, for "Washington state" where the name alone is the city. */
  states: Map<string, PlaceEntry>
}

/** Towns smaller than this are kept only as capitals (of countries or regions). */
const MIN_TOWN = 15000
const RANK: Record<PlaceClass, number> = { country: 3, state: 2, region: 2, city: 1 }
/** A town this large wins its name from a state ("New York", "Washington"). */
export const METROPOLIS = 500000

let loaded: Gazetteer | null = null

/** Loaded on first use, once per process (0.2–0.5 s here; about 8 MB of heap stays; see bench:entities). */
export function gazetteer(): Gazetteer {
  loaded ??= build()
  return loaded
}

const foldDiacritics = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '')

/** The short everyday name among a country's names: "Russia" rather than "Russian Federation". */
function canonicalCountry(names: string[]): string {
  const everyday = names.find((n) => !/,|\bRepublic\b|\bFederation\b|\bProvince\b|\bof\b|^The /.test(n) && !/^[A-Z.]+$/.test(n))
  return everyday ?? names[0]!.split(',')[0]!
}

function build(): Gazetteer {
  const require = createRequire(import.meta.url)
  const cities = readCities((c) => c.population >= MIN_TOWN || c.featureCode === 'PPLC' || c.featureCode === 'PPLA')
  const capital = new Map<string, City>()
  const stateCapital = new Map<string, City>()
  for (const c of cities) {
    if (c.featureCode === 'PPLC' && (capital.get(c.country)?.population ?? -1) < c.population) capital.set(c.country, c)
    if (c.featureCode === 'PPLA' && c.country === 'US') stateCapital.set(c.adminCode, c)
  }
  const at = (c: City | undefined, country: string | null): PlaceRef | null =>
    c ? { lat: c.lat, lon: c.lon, country, geonameId: c.geonameId } : null
  // A country or state is drawn at its capital but is not the capital: no town's GeoNames id (which groups mentions).
  const capitalOf = (c: City | undefined, country: string | null): PlaceRef | null =>
    c ? { lat: c.lat, lon: c.lon, country } : null

  const places = new Map<string, PlaceEntry>()
  const put = (map: Map<string, PlaceEntry>, name: string, e: PlaceEntry): void => {
    for (const key of new Set([name, foldDiacritics(name)])) {
      const old = map.get(key)
      if (!old || better(e, old)) map.set(key, e)
    }
  }

  const en = require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> }
  const countryEntry = new Map<string, PlaceEntry>()
  for (const [code, value] of Object.entries(en.countries)) {
    const names = Array.isArray(value) ? value : [value]
    const e: PlaceEntry = { canonical: canonicalCountry(names), place: capitalOf(capital.get(code), code), type: 'country', population: 0 }
    countryEntry.set(code, e)
    for (const n of names) {
      put(places, n, e)
      if (n.includes(',')) put(places, n.split(',')[0]!, e)
    }
    put(places, e.canonical, e)
    for (const alias of COUNTRY_ALIASES[code] ?? []) put(places, alias, e)
  }
  const states = new Map<string, PlaceEntry>()
  for (const [code, name] of Object.entries(US_STATES)) {
    const e: PlaceEntry = { canonical: name, place: capitalOf(stateCapital.get(code), 'US'), type: 'state', population: 0 }
    states.set(name, e)
    put(places, name, e)
  }
  for (const name of REGIONS) put(places, name, { canonical: name, place: null, type: 'region', population: 0 })
  for (const c of cities) {
    const e: PlaceEntry = { canonical: c.name, place: at(c, c.country), type: 'city', population: c.population }
    put(places, c.name, e)
    // "Frankfurt am Main", "Stratford-upon-Avon": the press drops the river.
    const short = c.name.split(/ (?:am|an der|im|upon|on|sur) |-(?:upon|on|sur|am)-/)[0]!
    if (short !== c.name) put(places, short, e)
    // A town this large takes the name from its state (METROPOLIS).
    for (const alias of CITY_ALIASES[c.geonameId] ?? []) put(places, alias, e)
  }

  const demonyms = new Map<string, PlaceEntry>()
  const nat = require('i18n-nationality/langs/en.json') as { nationalities: Record<string, string> }
  for (const [code, adjective] of Object.entries(nat.nationalities)) {
    const e = countryEntry.get(code)
    if (e) for (const a of adjective.split(/\s*[,/]\s*|\s+or\s+/)) if (a) demonyms.set(a, e)
  }

  for (const [adjective, region] of Object.entries(REGION_ADJECTIVES)) {
    const e = places.get(region)
    if (e) demonyms.set(adjective, e)
  }

  const ru = new Map<string, PlaceEntry>()
  const ruCountries = require('i18n-iso-countries/langs/ru.json') as { countries: Record<string, string | string[]> }
  for (const [code, value] of Object.entries(ruCountries.countries)) {
    const names = Array.isArray(value) ? value : [value]
    const canonical = names.length > 1 ? names[names.length - 1]! : names[0]!
    const e: PlaceEntry = { canonical, place: countryEntry.get(code)?.place ?? null, type: 'country', population: 0 }
    for (const n of names) for (const form of russianForms(n)) put(ru, foldYo(form), e)
  }
  const byEnglish = new Map<string, City>()
  for (const c of cities) {
    const key = `${c.name}|${c.country}`
    if ((byEnglish.get(key)?.population ?? -1) < c.population) byEnglish.set(key, c)
  }
  for (const [name, english, country] of RU_PLACES) {
    const c = byEnglish.get(`${english}|${country}`)
    const e: PlaceEntry = { canonical: name, place: at(c, country), type: c ? 'city' : 'region', population: c?.population ?? 0 }
    for (const form of russianForms(name)) put(ru, foldYo(form), e)
  }
  return { places, demonyms, ru, states }
}

function better(a: PlaceEntry, b: PlaceEntry): boolean {
  if (a.type === 'city' && b.type === 'state' && a.population >= METROPOLIS) return true
  if (b.type === 'city' && a.type === 'state' && b.population >= METROPOLIS) return false
  if (RANK[a.type] !== RANK[b.type]) return RANK[a.type] > RANK[b.type]
  return a.population > b.population
}
