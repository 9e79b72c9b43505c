import { MONTH_PATTERN, WEEKDAY_PATTERN } from '../text/months'

/** Everything a bare date/time stamp is made of besides numbers: names, zones, joining words. */
const STAMP_TOKEN = new RegExp(
  `(?<![\\p{L}])(?:${MONTH_PATTERN}|${WEEKDAY_PATTERN}|am|pm|a\\.m|p\\.m|utc|gmt|bst|cet|cest|msk|est|edt|cst|cdt|pst|pdt|et|pt|amt|ist|de|às|at|um|à|le|el|в|г|года|h|hrs)(?![\\p{L}])`,
  'giu'
)

const DAY_NAME = new RegExp(`(?<![\\p{L}])(?:${MONTH_PATTERN}|${WEEKDAY_PATTERN})(?![\\p{L}])`, 'iu')

/**
 * True for a paragraph that is only a date and/or time ("Nov. 20, 2019, 9:28 AM UTC",
 * "sexta-feira, 22 de outubro de 2010 às 20:13", "18 NOV 2019"): page chrome, not reporting.
 */
export function isDateStamp(text: string): boolean {
  if (text.length > 80 || !/\d/.test(text)) return false
  // A row of bare numbers is data, and a bare time heads an entry of a live blog; a stamp names
  // a day: a month or weekday, a d/m/y date or a year.
  if (!DAY_NAME.test(text) && !/\d[./-]\d{1,2}[./-]\d|\b(1[89]|20)\d\d\b/.test(text)) return false
  const rest = text.replace(STAMP_TOKEN, ' ').replace(/[\d\s.,:/|()–—-]+/gu, ' ').trim()
  return rest === ''
}
