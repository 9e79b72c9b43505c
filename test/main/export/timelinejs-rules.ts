/**
 * TimelineJS 3's own checks on a JSON timeline, reimplemented from its source
 * (src/js/core/TimelineConfig.js, src/js/date/TLDate.js, src/js/core/Util.js) so a test can tell
 * whether `new TL.Timeline(el, json)` would accept the export:
 * - the data is an object with a non-empty `events` array ("Timeline configuration has no events");
 * - every event has a `start_date` ("missing_start_date_err");
 * - every date part is a number or a string matching /^-?\d*$/ after trimming ("invalid_date_err");
 * - the title slide needs no date; `text.headline`/`text.text` are HTML strings; `group` and
 *   `display_date` are strings (markup stripped); `unique_id`s are slugs that must not collide.
 * TimelineJS silently turns a missing year into year 0 and rolls an out-of-range month or day into
 * the next one; the export must never rely on that, so these rules also require an integer year,
 * in-range parts, an end not before the start, and a non-empty headline (or media) per event.
 */

const DATE_PARTS = ['millisecond', 'second', 'minute', 'hour', 'day', 'month', 'year'] as const
const RANGES: Partial<Record<(typeof DATE_PARTS)[number], [number, number]>> = {
  month: [1, 12],
  day: [1, 31],
  hour: [0, 23],
  minute: [0, 59],
  second: [0, 59],
  millisecond: [0, 999]
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function partValue(v: unknown): number | null | 'invalid' {
  if (v === undefined || v === null || v === '') return null
  if (typeof v === 'number') return Number.isInteger(v) ? v : 'invalid'
  if (typeof v === 'string') return /^-?\d*$/.test(v.trim()) ? (v.trim() === '' ? null : parseInt(v, 10)) : 'invalid'
  return 'invalid'
}

function checkDate(where: string, date: unknown, errors: string[]): number | null {
  if (!isObject(date)) {
    errors.push(`${where}: not a date object`)
    return null
  }
  const parts = {} as Record<(typeof DATE_PARTS)[number], number | null>
  for (const name of DATE_PARTS) {
    const value = partValue(date[name])
    if (value === 'invalid') {
      errors.push(`${where}.${name}: ${JSON.stringify(date[name])} is not an integer`)
      return null
    }
    parts[name] = value
  }
  const year = parts.year
  if (year === null) {
    errors.push(`${where}.year: missing`)
    return null
  }
  if (year < -271820 || year > 275759) errors.push(`${where}.year: outside the human scale`)
  for (const name of DATE_PARTS) {
    const range = RANGES[name]
    const v = parts[name]
    if (range && v !== null && (v < range[0] || v > range[1])) errors.push(`${where}.${name}: ${v} out of range`)
  }
  if (parts.day !== null && parts.month === null) errors.push(`${where}: a day without a month`)
  if (parts.day !== null && parts.month !== null) {
    const days = new Date(Date.UTC(year, parts.month, 0)).getUTCDate()
    if (parts.day > days) errors.push(`${where}: ${year}-${parts.month} has no day ${parts.day}`)
  }
  for (const name of ['display_date', 'format']) {
    if (date[name] !== undefined && typeof date[name] !== 'string') errors.push(`${where}.${name}: not a string`)
  }
  const d = new Date(year, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, parts.millisecond ?? 0)
  d.setFullYear(year)
  return d.getTime()
}

function checkText(where: string, slide: Record<string, unknown>, errors: string[], needHeadline: boolean): void {
  const text = slide.text
  if (text !== undefined && !isObject(text)) {
    errors.push(`${where}.text: not an object`)
    return
  }
  for (const field of ['headline', 'text']) {
    if (text && text[field] !== undefined && typeof text[field] !== 'string') errors.push(`${where}.text.${field}: not a string`)
  }
  const headline = text && typeof text.headline === 'string' ? text.headline.replace(/<[^>]*>/g, '').trim() : ''
  const media = isObject(slide.media) && typeof slide.media.url === 'string' && slide.media.url.trim() !== ''
  if (needHeadline && !headline && !media) errors.push(`${where}: needs text.headline or media`)
  for (const field of ['group', 'display_date', 'unique_id']) {
    if (slide[field] !== undefined && typeof slide[field] !== 'string') errors.push(`${where}.${field}: not a string`)
  }
}

/** Every reason TimelineJS (or an honest reading of its rules) would reject `data`; empty when it loads. */
export function timelineErrors(data: unknown): string[] {
  const errors: string[] = []
  if (!isObject(data) || !data.events) return ['not a TimelineJS object with events']
  if (!Array.isArray(data.events) || data.events.length === 0) return ['Timeline configuration has no events.']
  const ids = new Set<string>()
  const claim = (where: string, id: unknown): void => {
    if (typeof id !== 'string' || id.trim() === '') return
    if (ids.has(id)) errors.push(`${where}: unique_id ${id} is used twice`)
    ids.add(id)
  }
  if (data.title !== undefined) {
    if (!isObject(data.title)) errors.push('title: not a slide object')
    else {
      checkText('title', data.title, errors, false)
      claim('title', data.title.unique_id)
    }
  }
  data.events.forEach((event: unknown, i: number) => {
    const where = `events[${i}]`
    if (!isObject(event)) {
      errors.push(`${where}: not a slide object`)
      return
    }
    if (event.start_date === undefined) {
      errors.push(`${where}: missing_start_date_err`)
      return
    }
    const start = checkDate(`${where}.start_date`, event.start_date, errors)
    if (event.end_date !== undefined) {
      const end = checkDate(`${where}.end_date`, event.end_date, errors)
      if (start !== null && end !== null && end < start) errors.push(`${where}: end_date before start_date`)
    }
    checkText(where, event, errors, true)
    claim(where, event.unique_id)
  })
  return errors
}
