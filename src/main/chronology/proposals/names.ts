/**
 * Words that only look like dates: a weekday or "Today" inside a name ("Black Monday", "USA
 * Today"), a company or verb spelled like a weekday abbreviation ("Sun", "sat down"), a month
 * heading a named event ("the March for Life"). Checked on what chrono-node matched.
 */

const ZONES = /^(?:GMT|UTC|[A-Z]{1,2}[SD]T|BST|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT)$/
// Words a sentence or date phrase may start with that are capitalised without being a name.
const FUNCTION_WORDS =
  /^(?:On|Last|Next|This|That|Early|Late|Since|Until|Till|By|Before|After|From|Through|And|But|Or|Then|Every|Each|Of|In|At|For|Mid|Past|Coming)$/
const ABBREVIATED_WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/i
const NAMED_AFTER_MONTH = /^\s+(?:for|of|on|to|against)\s+(?:the\s+)?\p{Lu}/u

/** The word just before `at`, with whether it starts its sentence and the word before that. */
function wordBefore(text: string, at: number): { word: string; sentenceStart: boolean; previous: string } | null {
  const m = /([\p{L}\p{N}'’.&-]+)\s+$/u.exec(text.slice(Math.max(0, at - 40), at))
  if (!m) return null
  // "…in the United States. Sunday was chosen": a word ending a sentence is not part of a name.
  if (/[.!?]$/.test(m[1]!) && !/^(?:\p{L}\.)+$/u.test(m[1]!)) return { word: m[1]!, sentenceStart: true, previous: '' }
  const rest = text.slice(Math.max(0, at - 80), at - m[0].length)
  const before = rest.replace(/[\s"“‘'`(]+$/, '')
  const quoted = before.length < rest.length && /["“‘'`(]\s*$/.test(rest)
  return {
    word: m[1]!,
    sentenceStart: before === '' || /[.!?:\n]$/.test(before),
    previous: quoted ? '"' : (/(\S+)$/.exec(before)?.[1] ?? '')
  }
}

// Before a name's first word: an opening quote, an article, or words that introduce a name.
const NAME_INTRO = /^(?:"|the|a|an|on|of|as|called|dubbed|named|since)$/i

/**
 * True when a weekday, "Today"/"Tonight" and the like in chrono's match `written` at `start` is
 * part of a name: an abbreviation standing alone ("Sun" the company), a lowercase abbreviation
 * ("sat down"), "Today" capitalised mid-sentence ("USA Today"), or a capitalised word before the
 * weekday that itself follows a quote, an article or "on"/"as" ("known as 'Black Monday'").
 */
export function namedDayWord(text: string, start: number, written: string): boolean {
  const token = /(?<!\p{L})(?:mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|yesterday)\p{L}*\.?/iu.exec(written)
  if (!token) return false
  const word = token[0]
  const at = start + token.index
  // "Sun., March 3" is a date; "Sun" alone is the company, "sat" the verb.
  if (ABBREVIATED_WEEKDAY.test(word) && !/\d/.test(written)) return true
  const prev = wordBefore(text, at)
  if (!prev || prev.sentenceStart) return false
  if (/^(?:today|tonight|tomorrow|yesterday)$/i.test(word)) return /^\p{Lu}/u.test(word) && !FUNCTION_WORDS.test(prev.word)
  const capitalised = /^\p{Lu}/u.test(prev.word) && !ZONES.test(prev.word) && !FUNCTION_WORDS.test(prev.word) && !/\d/.test(prev.word)
  return capitalised && NAME_INTRO.test(prev.previous)
}

/** True when a month name at [start, end) heads a named event ("the annual March for Life"). */
export function namedMonth(text: string, start: number, end: number): boolean {
  return /\b(?:the|an?|annual|yearly)\s+$/i.test(text.slice(Math.max(0, start - 12), start)) && NAMED_AFTER_MONTH.test(text.slice(end, end + 40))
}
