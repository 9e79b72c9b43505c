/**
 * Generated corpus for the search-quality benchmark: invented names written in several
 * transliterations, inside real English sentences (the pool the search benchmark uses), so that
 * every name has a known set of true spellings and the strangers it might be confused with are
 * real, Zipf-distributed English words and the other names.
 *
 * A name is a sequence of sounds; each sound has the spellings the press uses for it (k as k, q
 * or c; j as j, dj or dzh; u as u, ou or oo; an unstressed vowel as a or e; a consonant single or
 * doubled; g, d, t, k with or without a following h; sh as sh or ch). A name's spellings pick
 * different choices at one to three places; a fifth of the names also have a Cyrillic spelling.
 */
import { mulberry32 } from './prng'
import { sentencePool } from './corpus'

export interface GeneratedName {
  /** Every spelling the corpus uses for this name, the most used first. */
  spellings: string[]
  /** Letters of the most used spelling. */
  length: number
  cyrillic: string | null
}

export interface SpellingCorpus {
  names: GeneratedName[]
  articles: { title: string; text: string }[]
  /** English words of the sentences, by how many articles hold them, most first. */
  commonWords: string[]
}

interface Sound {
  spellings: readonly string[]
  cyrillic: string
  vowel: boolean
}

const s = (cyrillic: string, vowel: boolean, ...spellings: string[]): Sound => ({ spellings, cyrillic, vowel })

const CONSONANTS: readonly Sound[] = [
  s('к', false, 'k', 'q', 'c'),
  s('дж', false, 'j', 'dj', 'dzh'),
  s('ш', false, 'sh', 'ch'),
  s('х', false, 'kh'),
  s('г', false, 'g', 'gh'),
  s('д', false, 'd', 'dh'),
  s('т', false, 't', 'th'),
  s('б', false, 'b'),
  s('л', false, 'l', 'll'),
  s('м', false, 'm', 'mm'),
  s('н', false, 'n', 'nn'),
  s('р', false, 'r', 'rr'),
  s('с', false, 's', 'ss'),
  s('з', false, 'z'),
  s('ф', false, 'f', 'ph'),
  s('в', false, 'v'),
  s('й', false, 'y')
]

const VOWELS: readonly Sound[] = [
  s('а', true, 'a'),
  s('у', true, 'u', 'ou', 'oo'),
  s('и', true, 'i', 'e'),
  s('э', true, 'e', 'i'),
  s('о', true, 'o'),
  // The unstressed vowel of Arabic names: Muhammad/Mohammed, Ahmad/Ahmed.
  s('а', true, 'a', 'e')
]

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!
}

function makeSounds(rand: () => number, letters: number): Sound[] {
  const sounds: Sound[] = []
  let length = 0
  let vowel = rand() < 0.3
  while (length < letters) {
    const sound = pick(rand, vowel ? VOWELS : CONSONANTS)
    sounds.push(sound)
    length += sound.spellings[0]!.length
    vowel = !vowel
  }
  return sounds
}

/** The name's spellings: the first takes every first choice, the others change one to three sounds. */
function spell(rand: () => number, sounds: Sound[]): string[] {
  const first = sounds.map((x) => x.spellings[0]!).join('')
  const choices = sounds.map((x, i) => ({ x, i })).filter(({ x }) => x.spellings.length > 1)
  const out = new Set([first])
  const wanted = 2 + Math.floor(rand() * 3)
  for (let tries = 0; tries < 20 && out.size < wanted && choices.length; tries++) {
    const picks = sounds.map((x) => x.spellings[0]!)
    const changes = 1 + Math.floor(rand() * Math.min(3, choices.length))
    for (let c = 0; c < changes; c++) {
      const { x, i } = pick(rand, choices)
      picks[i] = pick(rand, x.spellings.slice(1))
    }
    out.add(picks.join(''))
  }
  return [...out]
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** Number of articles a name appears in: Zipf-like over the names, 4 to 300. */
function nameArticles(rank: number): number {
  return Math.max(4, Math.round(300 / (1 + rank) ** 0.6))
}

/**
 * `articles` articles of 4–9 English sentences; `nameCount` names, each in a few to a few hundred
 * of them, one spelling per mention (the most used spelling in about half the mentions).
 */
export function spellingCorpus(options: { articles: number; names: number; seed: number }): SpellingCorpus {
  const rand = mulberry32(options.seed)
  const sentences = sentencePool()
  const bodies: string[][] = []
  const titles: string[] = []
  const english = new Map<string, number>()
  for (let a = 0; a < options.articles; a++) {
    const count = 4 + Math.floor(rand() * 6)
    const body = Array.from({ length: count }, () => pick(rand, sentences))
    bodies.push(body)
    titles.push(pick(rand, sentences).replace(/[.;:,]+$/, ''))
    const seen = new Set(`${titles[a]} ${body.join(' ')}`.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    for (const w of seen) english.set(w, (english.get(w) ?? 0) + 1)
  }
  const taken = new Set(english.keys())
  const names: GeneratedName[] = []
  for (let tries = 0; names.length < options.names && tries < options.names * 50; tries++) {
    const letters = 4 + (names.length % 9)
    const sounds = makeSounds(rand, letters)
    const spellings = spell(rand, sounds)
    if (spellings.length < 2 || spellings[0]!.length < 4 || spellings[0]!.length > 12) continue
    // A spelling that is an English word or another name's would make the truth ambiguous.
    if (spellings.some((w) => taken.has(w))) continue
    for (const w of spellings) taken.add(w)
    const cyrillic = rand() < 0.2 ? sounds.map((x) => x.cyrillic).join('') : null
    if (cyrillic) spellings.push(cyrillic)
    names.push({ spellings, length: spellings[0]!.length, cyrillic })
  }
  names.forEach((name, rank) => {
    const n = nameArticles(rank)
    for (let k = 0; k < n; k++) {
      const a = Math.floor(rand() * options.articles)
      const spelling = rand() < 0.5 ? name.spellings[0]! : pick(rand, name.spellings)
      const at = Math.floor(rand() * (bodies[a]!.length + 1))
      const sentence = `${pick(rand, SENTENCES).replace('{n}', capitalise(spelling))}`
      if (rand() < 0.1) titles[a] = `${capitalise(spelling)}: ${titles[a]}`
      else bodies[a]!.splice(at, 0, sentence)
    }
  })
  const commonWords = [...english.entries()].sort((x, y) => y[1] - x[1]).map(([w]) => w)
  return { names, articles: titles.map((title, i) => ({ title, text: bodies[i]!.join(' ') })), commonWords }
}

const SENTENCES = [
  '{n} was seen near the border on Tuesday.',
  'Officials said {n} had left the capital.',
  'A spokesman for {n} denied the report.',
  'Talks with {n} ended without agreement, the ministry said.',
  'Forces loyal to {n} took the airport.',
  'The statement was signed by {n} and two deputies.'
]
