/** Geometry for the visual timeline: day numbers, lanes and axis ticks. Pure. */
import { MONTH_NAMES } from '../../../shared/edtf'

const MS_PER_DAY = 86_400_000

/** Days since 1970-01-01 for a `YYYY-MM-DD` string. */
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  return Math.round(Date.UTC(y!, (m ?? 1) - 1, d ?? 1) / MS_PER_DAY)
}

/** `YYYY-MM-DD` for a day number. */
export function dayString(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10)
}

export interface Span {
  id: number
  /** First day (inclusive) and the day after the last (exclusive), as day numbers. */
  start: number
  end: number
}

export interface Placed extends Span {
  lane: number
  x0: number
  x1: number
}

/**
 * Places the spans visible in [from, to) on lanes so that nothing overlaps: each span takes the
 * first lane whose previous occupant ends `gap` pixels before it starts (labels need room).
 * Spans outside the window are skipped, so the cost follows what is on screen.
 */
export function layoutLanes(spans: readonly Span[], from: number, to: number, width: number, labelWidth: (id: number) => number, maxLanes: number): Placed[] {
  const scale = width / Math.max(1e-9, to - from)
  const laneEnds: number[] = []
  const out: Placed[] = []
  const visible = spans.filter((s) => s.end > from && s.start < to).sort((a, b) => a.start - b.start || a.end - b.end)
  for (const s of visible) {
    const x0 = (s.start - from) * scale
    const x1 = Math.max(x0 + 8, (s.end - from) * scale)
    const reach = Math.max(x1, x0 + 12 + labelWidth(s.id))
    let lane = laneEnds.findIndex((end) => end <= x0)
    if (lane < 0) {
      if (laneEnds.length < maxLanes) {
        lane = laneEnds.length
        laneEnds.push(0)
      } else {
        // Out of lanes: stack on the one that frees up first; labels there are dropped by the painter.
        lane = laneEnds.indexOf(Math.min(...laneEnds))
      }
    }
    laneEnds[lane] = reach + 6
    out.push({ ...s, lane, x0, x1 })
  }
  return out
}

/** A window on the axis: [first day, last day) as (fractional) day numbers. */
export type View = [number, number]

/**
 * The day a zoom keeps still when no pointer says where: the selected event's start when it is
 * in view, else the first event in view's, so zooming in from Fit never pushes the earliest
 * events off the left edge; with nothing in view, the middle.
 */
export function zoomAnchor([from, to]: View, spans: readonly Span[], selectedId: number | null): number {
  const sel = spans.find((s) => s.id === selectedId)
  if (sel && sel.start >= from && sel.start <= to) return sel.start
  const first = spans.filter((s) => s.end > from && s.start < to).reduce((m, s) => Math.min(m, s.start), Infinity)
  return Number.isFinite(first) ? first : (from + to) / 2
}

/** The view zoomed by `factor` (below 1 zooms in) keeping day `at` where it is on screen; from 2 days to 200 years wide. */
export function zoomView([from, to]: View, factor: number, at: number): View {
  const span = Math.max(2, Math.min(365 * 200, (to - from) * factor))
  const left = at - ((at - from) / (to - from)) * span
  return [left, left + span]
}

export interface Tick {
  day: number
  label: string
  major: boolean
}

const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3))

type AxisUnit = 'year' | 'month' | 'day'

/** What the axis counts in for the window: years, months or days, by how many pixels a day gets. */
function axisUnit(from: number, to: number, width: number): AxisUnit {
  const pxPerDay = width / Math.max(1e-9, to - from)
  return pxPerDay * 30 < 28 ? 'year' : pxPerDay < 4 ? 'month' : 'day'
}

/** Axis ticks for the window: years, months or days depending on how many pixels a day gets. */
export function axisTicks(from: number, to: number, width: number): Tick[] {
  const pxPerDay = width / Math.max(1e-9, to - from)
  const ticks: Tick[] = []
  const first = new Date(Math.floor(from) * MS_PER_DAY)
  const unit = axisUnit(from, to, width)
  if (unit === 'year') {
    const step = pxPerDay * 365 < 40 ? 10 : pxPerDay * 365 < 80 ? 5 : 1
    for (let y = Math.floor(first.getUTCFullYear() / step) * step; ; y += step) {
      const d = dayNumber(`${y}-01-01`)
      if (d > to) break
      if (d >= from) ticks.push({ day: d, label: String(y), major: true })
    }
    return ticks
  }
  if (unit === 'month') {
    for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); ; m++) {
      if (m === 12) {
        m = 0
        y++
      }
      const d = dayNumber(`${y}-${String(m + 1).padStart(2, '0')}-01`)
      if (d > to) break
      if (d >= from) ticks.push({ day: d, label: m === 0 ? `${MONTHS[m]} ${y}` : MONTHS[m]!, major: m === 0 })
    }
    return ticks
  }
  const step = pxPerDay < 30 ? 7 : 1
  for (let d = Math.ceil(from); d <= to; d++) {
    const date = new Date(d * MS_PER_DAY)
    const dom = date.getUTCDate()
    if (dom === 1) ticks.push({ day: d, label: `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`, major: true })
    else if (step === 1 || dom % 7 === 1) ticks.push({ day: d, label: String(dom), major: false })
  }
  return ticks
}

/**
 * The month (while days are shown) or year (while months are) the window starts in, for the
 * axis's left edge: the ticks name it only where it changes, so a window inside one month read
 * "15 22" with nothing saying which month of which year. Null while years are shown.
 */
export function axisContext(from: number, to: number, width: number): string | null {
  const unit = axisUnit(from, to, width)
  if (unit === 'year') return null
  const first = new Date(Math.floor(from) * MS_PER_DAY)
  const year = String(first.getUTCFullYear())
  return unit === 'month' ? year : `${MONTHS[first.getUTCMonth()]} ${year}`
}
