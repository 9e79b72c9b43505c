/** The regular expressions the proposal extractor matches before and around chrono-node. */
import { MONTH_NAMES } from '../../../shared/edtf'

export const MONTH_SRC =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)'
const MONTH_INDEX = MONTH_NAMES.map((m) => m.slice(0, 3).toLowerCase())

export const DATELINE = new RegExp(
  `^([A-Z][A-Z'’.\\- ]*[A-Z])(?:\\s*\\([^)\\n]{0,40}\\))?\\s*(?:,|\\s[-–—])\\s*(?:\\([^)\\n]{0,60}\\)\\s*)?` +
    `(?:${MONTH_SRC}\\.?\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH_SRC}\\.?)?(?:,?\\s*\\d{4})?\\.?(?:\\s*/[^/\\n]{1,20}/\\.?)?`
)
// "Annapolis, Jan. 7 -- " and "June 18 -- (AP) --": wire datelines in Title Case, closed by a dash.
export const DATELINE_DASHED = new RegExp(
  `^(?:([A-Z][A-Za-z'’.\\- ]{1,40}),\\s+)?${MONTH_SRC}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?\\s*(?:\\(\\w+\\)\\s*)?(?:--|—|–)(?:\\s*\\(\\w+\\)\\s*(?:--|—|–))?`
)
export const DAY_RANGE_MD = new RegExp(`\\b(${MONTH_SRC})\\.?\\s+(\\d{1,2})\\s*[-–—]\\s*(\\d{1,2})\\b(?:,?\\s+(\\d{4})\\b)?`, 'g')
export const DAY_RANGE_DM = new RegExp(`\\b(\\d{1,2})\\s*[-–—]\\s*(\\d{1,2})\\s+(${MONTH_SRC})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, 'g')
// "and"/"to" only count as a range after "between"/"from": "on August 15 and 16 people died" is not one.
export const BETWEEN_MD = new RegExp(
  `\\b(?:[Bb]etween|[Ff]rom)\\s+(${MONTH_SRC})\\.?\\s+(\\d{1,2})\\s+(?:and|to|until|through)\\s+(\\d{1,2})\\b(?:,?\\s+(\\d{4})\\b)?`,
  'g'
)
export const BETWEEN_DM = new RegExp(
  `\\b(?:[Bb]etween|[Ff]rom)\\s+(\\d{1,2})\\s+(?:and|to|until|through)\\s+(\\d{1,2})\\s+(${MONTH_SRC})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`,
  'g'
)
// chrono reads "the morning of August 31" as a time of day and loses the date.
export const PART_OF_DAY = new RegExp(
  `\\b(?:morning|afternoon|evening|night|early hours|small hours)\\s+of\\s+(?:(${MONTH_SRC})\\.?\\s+(\\d{1,2})\\b|(\\d{1,2})\\s+(${MONTH_SRC})\\b\\.?)(?:,?\\s+(\\d{4})\\b)?`,
  'g'
)
// A dispatch in any script: "ЛИССАБОН, 15 марта." (capitals, comma, day and a month word).
export const DATELINE_INTL = /^(\p{Lu}[\p{Lu}'’.\- ]*\p{Lu})\s*,\s*\d{1,2}\.?\s+\p{L}{3,}\.?(?:\s+\d{4})?\.?/u
// "last May", "next June": chrono-node skips a month name that is also a word ("may") after a modifier.
export const MODIFIED_MONTH =
  /\b(?:[Ll]ast|[Nn]ext|[Tt]his)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*\d)/g
// "$1.00" is money: a dot separates hours and minutes only before am/pm ("10.30pm").
export const EXPLICIT_TIME = /\d{1,2}:\d{2}|\d(?:[.:]\d{2})?\s*[ap]\.?\s?m\b|o['’]clock|\bnoon\b|\bmidnight\b|\b\d{4}\s*(?:GMT|UTC|hours)\b/i
export const TIME_TOKEN = /\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?/i
// "late last July": the modifier between is read by the year inference.
export const PART_OF_MONTH = new RegExp(`\\b([Ee]arly|[Mm]id|[Ll]ate)[- ](?:(?:last|next|this)\\s+)?(${MONTH_SRC})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, 'g')
export const IN_YEAR = /\b[Ii]n\s+((?:1[5-9]|20)\d\d)\b(?![s\d'’-])/g
export const LIFESPAN = /\(\s*\d{3,4}\s*[-–—]\s*\d{3,4}\s*\)/g
export const ZONE_AFTER = /^\s*(?:hours?\s+)?(local time|([A-Z][a-z]+(?: [A-Z][a-z]+)?) time\b|GMT|UTC)/
export const CONVERSION = /^\s*\(\s*(?:or\s+)?(\d{1,2})[:.]?(\d{2})\s*(?:hours?\s+)?([A-Z][a-z]+(?: [A-Z][a-z]+)?|GMT|UTC)(?:\s+time)?\s*\)/

/** 1–12 for a month name or its abbreviation. */
export function monthNumber(name: string): number {
  return MONTH_INDEX.indexOf(name.slice(0, 3).toLowerCase()) + 1
}
