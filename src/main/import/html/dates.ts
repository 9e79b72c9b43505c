import type { PublishedDate } from '../../../shared/types'
import { isCalendarDate } from '../../../shared/edtf'
import { parseWrittenDate, toPublished } from '../text/published'

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function plausibleYear(y: number, now: Date): boolean {
  return y >= 1800 && y <= now.getUTCFullYear() + 1
}

/**
 * Turns a machine-readable date from page metadata into an EDTF date. The calendar day is read
 * as written (the publisher's local day), not shifted to UTC.
 */
export function metaDate(raw: string, now: Date = new Date()): PublishedDate | null {
  const s = raw.trim()
  if (s === '') return null
  const iso = /^(\d{4})([-/.]?)(\d{2})(?:\2(\d{2}))?(?![\d])/.exec(s)
  if (iso && (iso[2] !== '' || s.length >= 8)) {
    const y = Number(iso[1])
    const m = Number(iso[3])
    if (!plausibleYear(y, now)) return null
    if (iso[4] === undefined) {
      return m >= 1 && m <= 12 ? { edtf: `${iso[1]}-${iso[3]}`, precision: 'month', provenance: 'meta' } : null
    }
    const d = Number(iso[4])
    return isCalendarDate(y, m, d) ? { edtf: `${iso[1]}-${iso[3]}-${iso[4]}`, precision: 'day', provenance: 'meta' } : null
  }
  if (/^\d{4}$/.test(s)) {
    return plausibleYear(Number(s), now) ? { edtf: s, precision: 'year', provenance: 'meta' } : null
  }
  // Written dates ("Tue, 19 Nov 2019 10:04:00 GMT", "November 19, 2019", "19.11.2019") are read
  // as written, so no time zone can move them to another day.
  const written = parseWrittenDate(s)
  if (written) return plausibleYear(written.year, now) ? toPublished(written, 'meta') : null
  if (!/^\d{10}(\d{3})?$/.test(s)) return null
  const ms = s.length === 10 ? Number(s) * 1000 : Number(s)
  if (!Number.isFinite(ms)) return null
  const date = new Date(ms)
  const y = date.getUTCFullYear()
  if (!plausibleYear(y, now)) return null
  return { edtf: `${y}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`, precision: 'day', provenance: 'meta' }
}
