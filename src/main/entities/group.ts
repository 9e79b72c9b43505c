/**
 * Which mentions are one entity: the grouping key of a name. Pure.
 *
 * The key is the name as `text/name-key` keys it, word by word, so the spellings search already
 * treats as one name (Massoud, Masood, Масуд; Baghlan, Baglan, Баглан → `baglan`) are one entity
 * too. Before keying, a person's titles and a possessive are dropped ("President Massoud's" →
 * Massoud), an organisation's leading article ("the Taliban") and a place's division word
 * ("Parwan Province" → Parwan). A person's key also folds the a/e/i that search treats as a weak
 * pair (`foldPersonKey`: Ahmad and Ahmed, `ahmid`). A place the gazetteer knows is keyed by its
 * id, so Moscow and Москва meet, and the spellings it was seen under lead to it
 * (`archive/repo/entity-writes` place keys). Within one article a person named by surname alone
 * joins the one full name with that surname.
 */
import type { NamedKind } from '../../shared/entities'
import { hasCyrillic, romanizeCyrillic } from '../text/cyrillic'
import { nameKey } from '../text/name-key'
import { ADMIN_SUFFIXES } from './extract/lexicon-en'

/** One mention as extraction reports it (the fields grouping and storage read). */
export interface FoundMention {
  start: number
  end: number
  text: string
  kind: NamedKind
  /** The gazetteer's name (or id) for a place it knows; null otherwise. */
  canonical: string | null
  place: { lat: number; lon: number; country: string | null; geonameId?: number } | null
  /** The extractor's last-resort kind (see RawMention). */
  guessed?: true
}

/** Words before a person's name that say what they are, not who (English, French, German, Russian). */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
  'president', 'vice', 'prime', 'minister', 'general', 'gen', 'lt', 'col', 'colonel', 'major', 'maj', 'capt', 'captain',
  'commander', 'cmdr', 'marshal', 'admiral', 'adm', 'sgt', 'sergeant', 'king', 'queen', 'prince', 'princess',
  'sheikh', 'shaikh', 'sheik', 'mullah', 'mawlawi', 'maulvi', 'imam', 'ayatollah', 'emir', 'amir', 'haji', 'hajji',
  'governor', 'gov', 'mayor', 'senator', 'sen', 'rep', 'judge', 'justice', 'chancellor', 'secretary', 'ambassador',
  'pope', 'father', 'rev', 'reverend', 'bishop', 'archbishop', 'saint', 'st',
  'm', 'mme', 'mlle', 'monsieur', 'madame', 'président', 'ministre', 'général', 'herr', 'frau', 'präsident',
  'господин', 'госпожа', 'президент', 'премьер', 'министр', 'генерал', 'полковник', 'командир', 'губернатор', 'мэр'
])

/** Leading words of an organisation's name that do not tell it apart. */
const ORG_ARTICLES = new Set(['the', 'la', 'le', 'les', 'l', 'die', 'der', 'das'])

/** A trailing possessive: Massoud's, Massoud’s, Taliban' (English), never part of the name. */
const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/u

function words(name: string): string[] {
  return name
    .normalize('NFC')
    .split(/[\s\u00a0-]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’]+$/gu, ''))
    .filter((w) => w !== '')
}

/** The words that name the entity: titles, articles and the possessive dropped. */
export function nameWords(kind: NamedKind, name: string): string[] {
  const ws = words(name)
  if (ws.length > 0) ws[ws.length - 1] = ws[ws.length - 1]!.replace(POSSESSIVE, '')
  const droppable = kind === 'person' ? TITLES : kind === 'org' ? ORG_ARTICLES : null
  let first = 0
  // The last word is kept even when it looks like a title ("the King" alone still names someone).
  while (droppable && first < ws.length - 1 && droppable.has(ws[first]!.toLocaleLowerCase().replace(/\.$/, ''))) first++
  return ws.slice(first).filter((w) => w !== '')
}

/**
 * One word's key. Russian writes the h of Arabic and Persian names as х, which BGN/PCGN romanises
 * `kh` and the name key then folds to `k` (Ахмад → akmad, against Ahmad → ahmad). Folding х and
 * Latin kh both to h first makes them meet whichever origin the name has: Ахмад/Ahmad, Шах/Shah,
 * Хрущёв/Khrushchev, Михаил/Mikhail all share a key.
 */
function wordKey(word: string): string {
  const lower = word.replace(/['’]/g, '').toLocaleLowerCase()
  return nameKey(hasCyrillic(lower) ? romanizeCyrillic(lower.replace(/х/g, 'h')) : lower.replace(/kh/g, 'h'))
}

/** The keys of the words that say which kind of division a place is ("Province", "Governorate"). */
const DIVISION_KEYS = new Set([...ADMIN_SUFFIXES].map(wordKey))

/**
 * A place's key without the division's word after its name ("parwan pruvinki" → "parwan": Parwan
 * Province is Parwan), never the whole key. Read off the key itself, so a key stored by earlier
 * rules that kept the word is brought here the same way.
 */
export function placeKeyWithoutDivision(key: string): string {
  const ws = key.split(' ')
  while (ws.length > 1 && DIVISION_KEYS.has(ws[ws.length - 1]!)) ws.pop()
  return ws.join(' ')
}

/**
 * A person's key with the vowels after each word's first letter that transliteration writes as a,
 * e or i folded together ("ahmad" and, from Ahmed, "ahmid" → "ahmid"; Muhammad, Mohammed →
 * "muhimid"; Оксана, Оксаны → "uksini"). Search treats a/i as a weak pair already (`name-key`'s
 * `WEAK_PAIRS`); for people the spellings become one entity. Read off the key alone, so a key
 * stored by earlier rules is brought here the same way (`entities/rekey.ts`). Over the 445
 * texts of the benchmarks and the seeds (3,016 mentions of people, 1,269 keys) it joined three
 * pairs: two one person's (Ahmad Massoud and Ahmed Masoud; a Russian name and its genitive),
 * one two people's surnames named alone (Melaye and Maley). Places and organisations keep the
 * vowels: their spellings meet through the gazetteer or not at all.
 */
export function foldPersonKey(key: string): string {
  return key
    .split(' ')
    .map((w) => (w.charAt(0) + w.slice(1).replace(/a/g, 'i')).replace(/(.)\1+/g, '$1'))
    .join(' ')
}

/**
 * Keys already computed, by kind and name. Storing an article keys each mention two to four
 * times, and news repeats the same few thousand names; the cache is emptied when full rather
 * than kept in order, since a name's key never changes.
 */
const keyCache = new Map<string, string>()
const KEY_CACHE_LIMIT = 20_000

/** The grouping key of one name of one kind ('' when nothing is left to key). */
export function nameGroupKey(kind: NamedKind, name: string): string {
  const slot = `${kind}\u0000${name}`
  let key = keyCache.get(slot)
  if (key === undefined) {
    key = nameWords(kind, name)
      .map(wordKey)
      .filter((k) => k !== '')
      .join(' ')
    // The same rewrites of the keyed words that bring a key stored by earlier rules here (`rekey.ts`).
    if (kind === 'place') key = placeKeyWithoutDivision(key)
    if (kind === 'person') key = foldPersonKey(key)
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear()
    keyCache.set(slot, key)
  }
  return key
}

/** The key of a gazetteer place: its id, whatever language or script named it. */
export function gazetteerKey(m: FoundMention): string | null {
  return m.kind === 'place' && m.place?.geonameId !== undefined ? `geo:${m.place.geonameId}` : null
}

/** The key of a mention's name alone (a place by its canonical name where the gazetteer gave one). */
export function spellingKey(m: FoundMention): string {
  return nameGroupKey(m.kind, m.kind === 'place' && m.canonical ? m.canonical : m.text)
}

/**
 * The grouping key of each mention of one article, in the order given ('' for a mention with
 * none): a gazetteer place by its id, anything else by its name.
 */
export function articleGroupKeys(mentions: readonly FoundMention[]): string[] {
  const keys = mentions.map((m) => gazetteerKey(m) ?? spellingKey(m))
  // Full names of people by their last word: a lone surname joins the full name when exactly one has it.
  const bySurname = new Map<string, Set<string>>()
  mentions.forEach((m, i) => {
    const key = keys[i]!
    if (m.kind !== 'person' || !key.includes(' ')) return
    const surname = key.slice(key.lastIndexOf(' ') + 1)
    let set = bySurname.get(surname)
    if (!set) bySurname.set(surname, (set = new Set()))
    set.add(key)
  })
  return mentions.map((m, i) => {
    const key = keys[i]!
    if (m.kind !== 'person' || key.includes(' ')) return key
    const full = bySurname.get(key)
    return full?.size === 1 ? [...full][0]! : key
  })
}

/** How a spelling is compared when the user splits it off: case, spacing and composition folded. */
export function spellingOf(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase()
}
