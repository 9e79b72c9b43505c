/**
 * EDTF (ISO 8601-2 level 1) day bounds. Owned by the chronology module, which extends this with
 * a full parser and formatter; the archive uses `edtfBounds` for published-date filters.
 */

export interface DayBounds {
  /** First possible day, `YYYY-MM-DD`. */
  earliest: string
  /** Last possible day, `YYYY-MM-DD`. */
  latest: string
}

const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?[?~%]?$/

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function singleBounds(part: string): DayBounds | null {
  const m = SINGLE.exec(part)
  if (!m) return null
  const year = Number(m[1])
  if (m[2] === undefined) return { earliest: `${m[1]}-01-01`, latest: `${m[1]}-12-31` }
  const month = Number(m[2])
  if (month < 1 || month > 12) return null
  if (m[3] === undefined) {
    return { earliest: `${m[1]}-${m[2]}-01`, latest: `${m[1]}-${m[2]}-${pad(daysInMonth(year, month))}` }
  }
  const day = Number(m[3])
  if (day < 1 || day > daysInMonth(year, month)) return null
  return { earliest: `${m[1]}-${m[2]}-${m[3]}`, latest: `${m[1]}-${m[2]}-${m[3]}` }
}

/** Earliest and latest day an EDTF date or interval can denote; null when it does not parse. */
export function edtfBounds(edtf: string): DayBounds | null {
  const trimmed = edtf.trim()
  const slash = trimmed.indexOf('/')
  if (slash < 0) return singleBounds(trimmed)
  const from = singleBounds(trimmed.slice(0, slash))
  const to = singleBounds(trimmed.slice(slash + 1))
  if (!from || !to || from.earliest > to.latest) return null
  return { earliest: from.earliest, latest: to.latest }
}
