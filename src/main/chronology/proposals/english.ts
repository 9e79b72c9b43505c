/**
 * English forms chrono-node leaves out or misreads, as patterns: bare years after a preposition
 * or as a modifier ("since 2004", "the 1991 settlement"), year ranges, "early/mid/late 2009", clock
 * times written "0800 UTC", and relational expressions that take their date from an earlier one
 * ("the same day", "the previous year", "the same month a year ago").
 */

const YEAR = '(?:1[89]|20)\\d\\d'

/** A four-digit year standing alone (not money, a decimal, a decade "1990s" or part of a date). */
export const BARE_YEAR = new RegExp(`(?<![\\d$£€#.,/:-])(${YEAR})(?![\\d%]|[.,:]\\d|s\\b|\\s*(?:per\\s*cent|percent)\\b|-\\d|/\\d)`, 'g')
// A year right after these is a year: "since 2004", "by 2030", "the pandemic of 2009".
export const YEAR_PREPOSITION =
  /\b(?:since|by|from|until|till|before|after|during|through|throughout|of|in|around|circa|for|early|mid|late|as\s+of|starting|beginning|ending|until\s+at\s+least)\s+$/i
// …and after these when a word follows: "the 1991 settlement", "its 2011 version", "2007's".
export const YEAR_DETERMINER = /\b(?:the|a|an|its|his|her|their|our|my|your|this|that|whose)\s+$/i
// "of 2000 troops", "by 1800 votes": a plural count noun after the number makes it a count.
export const COUNT_AFTER = /^\s+(?!(?:elections?|games|olympics|finals|playoffs|protests|riots|floods|attacks|talks|polls|primaries|accords|negotiations)\b)(?:[a-z]*[^\W\d_siu]s|people|men|women|children)\b/
export const MODIFIED_WORD = /^(?:\s+\p{L}|['’]s\b)/u

/** "from 2009 to 2011", "between 2014 and 2016", "2009-2010", "1957-58": groups 1 and 2. */
export const YEAR_RANGE = new RegExp(
  `\\b(?:(?:[Ff]rom|[Bb]etween)\\s+(${YEAR})\\s+(?:to|and|until|through)\\s+(${YEAR})|(${YEAR})\\s*[-–—/]\\s*(${YEAR}|\\d\\d))\\b(?![-–/]\\d|\\s*\\))`,
  'g'
)

/** "early 2009", "mid-2010", "the end of 2008": a part of a year; group 1 the part, 2 the year. */
export const PART_OF_YEAR = new RegExp(
  `\\b(early|mid|late|(?:the\\s+)?(?:beginning|start|middle|end)\\s+of)[\\s-]+(${YEAR})\\b(?![\\d%-]|['’]?s\\b)`,
  'gi'
)

/** Approximate months of a part of a year: early = Jan–Apr, mid = May–Aug, late = Sep–Dec. */
export function partMonths(part: string): [number, number] {
  const p = part.toLowerCase()
  if (/early|beginning|start/.test(p)) return /early/.test(p) ? [1, 4] : [1, 3]
  if (/mid|middle/.test(p)) return [5, 8]
  return /late/.test(p) ? [9, 12] : [10, 12]
}

/** "0800 UTC", "1430 GMT": military clock times with a zone. */
export const MILITARY_TIME = /\b([01]\d|2[0-3])([0-5]\d)\s*(GMT|UTC)\b/g

/** The kinds of relational expression and the date each takes its value from. */
export type Relation =
  | 'same-day' // "the same day", "that day": the day named before
  | 'the-day' // "end the day", "late in the day": the day named before in the passage, else the dispatch day
  | 'year-before' // "the previous year": the year before the date named before in the sentence, else the dispatch year
  | 'year-after' // "the following year": the year after the date named before
  | 'same-year' // "that year": the year named before
  | 'the-year' // "for the entire year", "the end of the year": the year named before in the passage, else the dispatch year
  | 'same-month-year-before' // "the same month a year ago": the month named before, a year earlier

export const RELATIONS: { re: RegExp; relation: Relation }[] = [
  {
    re: /\b(?:(?:later|earlier)\s+(?:that|the\s+same)\s+day|the\s+same\s+day|that\s+(?:same\s+)?day)\b(?!\s+(?:before|after|of|when|that|which|last|next))/gi,
    relation: 'same-day'
  },
  {
    re: /\b(?:(?:end(?:ed|ing|s)?|finish(?:ed|ing|es)?|clos(?:e|ed|ing|es)|start(?:ed|ing|s)?|open(?:ed|ing|s)?)\s+the\s+day|(?:for|during|throughout|(?:later|late|earlier|early)\s+in|(?:the\s+)?(?:end|start|beginning|rest|close)\s+of)\s+the\s+day)\b(?!\s+(?:of|when|that|which|who|where|on|in\s+\d))/gi,
    relation: 'the-day'
  },
  {
    re: /\bthe\s+same\s+(?:month|period|time|quarter)\s+(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?the\s+(?:previous|prior|preceding)\s+year)\b/gi,
    relation: 'same-month-year-before'
  },
  {
    re: /\b(?:the\s+(?:previous|prior|preceding)\s+year|the\s+year\s+(?:before|previous|earlier)|a\s+year\s+(?:earlier|before))\b(?!\s+(?:that|when|last|in\s))/gi,
    relation: 'year-before'
  },
  { re: /\b(?:the\s+(?:following|next)\s+year|a\s+year\s+later)\b(?!\s+(?:that|when))/gi, relation: 'year-after' },
  { re: /\b(?:that|the\s+same)\s+year\b(?!\s+(?:before|after|of|when|that))/gi, relation: 'same-year' },
  {
    re: /\b(?:for\s+the\s+(?:entire|whole|full)\s+year|(?:the\s+)?(?:end|beginning|start|middle|rest|course)\s+of\s+(?:the\s+)?year)\b(?!\s*\d)/gi,
    relation: 'the-year'
  }
]
