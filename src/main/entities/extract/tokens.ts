import { ASCII_WORDS } from '../../../shared/tokens'
import { hasCyrillic } from '../../text/cyrillic'

/**
 * Word tokens with what the rules ask of each: capitalised, all capitals, Cyrillic, first of a
 * sentence, and the text between it and the previous token (a comma or a line break ends a name).
 */

export interface Token {
  start: number
  end: number
  text: string
  /** Starts with an upper-case letter. */
  cap: boolean
  /** Two or more letters, all upper case (an acronym: IBM, ФСБ). */
  caps: boolean
  cyr: boolean
  /** First word of a sentence, where capitals say nothing about names. */
  sentStart: boolean
  /** Text between the previous token and this one. */
  gap: string
  /** A name cannot run on past this token: possessive 's, or a "-based" style suffix cut off. */
  closes: boolean
}

const WORD = /[\p{L}\p{N}]+(?:[’'&.-][\p{L}\p{N}]+)*\.?/gu
/** WORD in text whose letters and digits are all ASCII (ASCII_WORDS): the same words, without a Unicode regex. */
const ASCII_WORD = /[A-Za-z0-9]+(?:[’'&.-][A-Za-z0-9]+)*\.?/g
const UPPER = /^\p{Lu}/u

/** Starts with an upper-case letter; the regex only for a first character beyond ASCII. */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0)
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(word)
}

const LETTERS_UPPER = /^[\p{Lu}&.-]+$/u

/**
 * Abbreviations whose period belongs to the word. After the first group, a capitalised word
 * still starts a new sentence when it is a function word ("... Inc. The company ...").
 */
const TITLE_ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Prof', 'Gen', 'Col', 'Lt', 'Sgt', 'Capt', 'Rep', 'Sen', 'Gov', 'Rev', 'Hon', 'Gov', 'Mt', 'Ft'])
const OTHER_ABBREVIATIONS = new Set(['Inc', 'Corp', 'Co', 'Ltd', 'Jr', 'Sr', 'Bros', 'Plc', 'Cos', 'No', 'vs', 'Ave', 'Blvd', 'г', 'гг', 'ул', 'им', 'т', 'д'])

/** A word ending a sentence with its own period (an initial, U.S., Inc.) unless a function word follows. */
function keepsPeriod(word: string): 'title' | 'other' | null {
  if (TITLE_ABBREVIATIONS.has(word)) return 'title'
  if (OTHER_ABBREVIATIONS.has(word)) return 'other'
  // Initials and dotted acronyms: J. / U.S. / В.
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return 'other'
  return null
}

/** Suffixes after a hyphen that leave the part before it a name of its own ("Paris-based"). */
const NAME_PREFIX_SUFFIXES = /^(?:based|born|made|built|owned|led|run|backed|listed|headquartered|registered|focused|bound|style|era)$/

export function tokenize(text: string, isFunctionWord: (word: string) => boolean): Token[] {
  const out: Token[] = []
  let prevEnd = 0
  let pendingEnd = true // the text start begins a sentence
  let abbrevPeriod: 'title' | 'other' | null = null
  // Most news has only ASCII letters: its words need no Unicode regex, and none is Cyrillic.
  const ascii = ASCII_WORDS.test(text)
  for (const m of text.matchAll(ascii ? ASCII_WORD : WORD)) {
    let word = m[0]
    const start = m.index
    let closes = false
    let period: 'title' | 'other' | null = null
    if (word.endsWith('.')) {
      period = keepsPeriod(word.slice(0, -1))
      if (!period) word = word.slice(0, -1)
    }
    if ((word.endsWith("'s") || word.endsWith('’s')) && word.length > 2) {
      word = word.slice(0, -2)
      closes = true
    } else if (word.includes('-')) {
      const cut = word.lastIndexOf('-')
      if (NAME_PREFIX_SUFFIXES.test(word.slice(cut + 1)) && startsUpper(word)) {
        word = word.slice(0, cut)
        closes = true
      }
    }
    const gap = text.slice(prevEnd, start)
    const cap = startsUpper(word)
    // A quotation's first word is capitalised as a sentence's is, and so is the word after a dateline's dash.
    // A single space, the commonest gap by far, can end nothing.
    const sentStart =
      pendingEnd ||
      (gap !== ' ' && /[.!?…:]["”’»)]*\s|\n|(?:^|\s)["“‘«]$|\s[-–—]\s/.test(gap)) ||
      (abbrevPeriod === 'other' && cap && isFunctionWord(word))
    out.push({
      start,
      end: start + word.length,
      text: word,
      cap,
      // A token starts with a letter or digit, so all capitals implies a capital first.
      caps: cap && word.length >= 2 && LETTERS_UPPER.test(word) && /\p{L}.*\p{L}/u.test(word),
      cyr: !ascii && hasCyrillic(word),
      sentStart,
      gap,
      closes
    })
    prevEnd = start + word.length
    pendingEnd = false
    abbrevPeriod = period
  }
  markHeadlines(out, text)
  return out
}

/** Small words that title case capitalises and running text does not (never a name's part). */
const TITLE_CASE_SMALL_WORDS = new Set(['A', 'An', 'The', 'In', 'On', 'At', 'To', 'For', 'From', 'Of', 'With', 'By', 'And', 'As', 'Over', 'After', 'Into', 'Amid', 'Against'])

/**
 * A line in title case ("Boeing Wins Tanker Deal From The Air Force") capitalises every word: its
 * capitals say nothing, so each of its words counts as a sentence start and must be known as a
 * name from the lists or from the rest of the text. A sentence dense with names ("Prime Minister
 * Theresa May met …") is not one: headlines carry no final period, and their small words are capitalised.
 */
function markHeadlines(tokens: Token[], text: string): void {
  let lineStart = 0
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && (i === lineStart || !tokens[i]!.gap.includes('\n'))) continue
    const last = tokens[i - 1]
    // Most lines are running text ending a sentence: they are passed over before their words are read.
    const endsSentence = !!last && /^\s*[.!?]/.test(text.slice(last.end, last.end + 2))
    if (!endsSentence) {
      const line = tokens.slice(lineStart, i).filter((t) => /^\p{L}/u.test(t.text))
      const capitalised = line.filter((t) => t.cap).length
      const smallWords = line.filter((t) => !t.sentStart && TITLE_CASE_SMALL_WORDS.has(t.text)).length
      if (line.length >= 4 && capitalised >= 0.8 * line.length && smallWords > 0) {
        for (const t of line) t.sentStart = true
      }
    }
    lineStart = i
  }
}
