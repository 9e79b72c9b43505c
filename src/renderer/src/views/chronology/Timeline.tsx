import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { resolvedColor, useColorScheme } from '../../lib/theme'
import { isDisputed, type ChronologyEvent } from '../../../../shared/chronology'
import { edtfYearUnknown, humanizeEdtfString } from '../../../../shared/edtf'
import { axisContext, axisTicks, dayNumber, layoutLanes, zoomAnchor, zoomView, type Placed, type Span, type View } from '../../lib/timeline'

interface Props {
  events: ChronologyEvent[]
  selectedId: number | null
  onSelect(id: number): void
  onEdit(id: number): void
  /** The chronology shown: another one is fitted to the view afresh. */
  chronologyId: number | null
}

const AXIS_H = 26
const LANE_H = 22
const MAX_LANES = 40
const LABEL_ROOM_PX = 250
/** Labels are cut to this on the canvas; hover or focus shows the whole title. */
const LABEL_MAX_PX = 240

/**
 * The chronology on a zoomable time axis, painted on a canvas: single days as points, spans as
 * bars, disputed events ringed and marked. Only what is in view is laid out and painted, so
 * thousands of events stay smooth. Wheel or +/− zooms, drag or ←/→ (with Shift) pans.
 */
export function Timeline({ events, selectedId, onSelect, onEdit, chronologyId }: Props): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  // What the last paint laid out: for hit-testing and for placing the full-label box on it.
  const [placed, setPlaced] = useState<Placed[]>([])
  const [hovered, setHovered] = useState<number | null>(null)
  const [focused, setFocused] = useState(false)
  // A theme change has to paint the canvas again.
  const scheme = useColorScheme()
  const [size, setSize] = useState({ w: 0, h: 0 })
  // An event of unknown year has no place on a time axis; the list still shows it.
  const spans = useMemo<Span[]>(
    () => events.filter((e) => !edtfYearUnknown(e.date.edtf)).map((e) => ({ id: e.id, start: dayNumber(e.date.earliest), end: dayNumber(e.date.latest) + 1 })),
    [events]
  )
  const byId = useMemo(() => new Map(events.map((e) => [e.id, e])), [events])
  const fit = useCallback((): View => {
    if (spans.length === 0) return [dayNumber('2000-01-01'), dayNumber('2001-01-01')]
    const lo = Math.min(...spans.map((s) => s.start))
    const hi = Math.max(...spans.map((s) => s.end))
    const pad = Math.max(3, (hi - lo) * 0.06)
    // Leave room on the right for the last events' labels.
    const days = hi - lo + 2 * pad
    const labelRoom = (days * LABEL_ROOM_PX) / Math.max(LABEL_ROOM_PX, size.w - LABEL_ROOM_PX)
    return [lo - pad, hi + pad + labelRoom]
  }, [spans, size.w])
  const [view, setView] = useState<View>(fit)
  // The view follows the events (another chronology, a filter, a new event) until the user zooms
  // or pans; Fit hands it back. A chronology switch always fits, even after moving.
  const moved = useRef(false)
  const shownChronology = useRef(chronologyId)
  useEffect(() => {
    if (shownChronology.current !== chronologyId) {
      shownChronology.current = chronologyId
      moved.current = false
    }
    if (!moved.current && size.w > 0) setView(fit())
  }, [spans, fit, size.w, chronologyId])
  const refit = (): void => {
    moved.current = false
    setView(fit())
  }

  useEffect(() => {
    const el = box.current
    if (!el) return
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }))
    ro.observe(el)
    setSize({ w: el.clientWidth, h: el.clientHeight })
    return () => ro.disconnect()
  }, [])

  useEffect(() => {
    const c = canvas.current
    if (!c || size.w === 0) return
    const frame = requestAnimationFrame(() => {
      const dpr = window.devicePixelRatio || 1
      c.width = Math.round(size.w * dpr)
      c.height = Math.round(size.h * dpr)
      const g = c.getContext('2d')
      if (!g) return
      g.setTransform(dpr, 0, 0, dpr, 0, 0)
      g.clearRect(0, 0, size.w, size.h)
      const [from, to] = view
      const font = getComputedStyle(c).fontFamily
      g.font = `12px ${font}`
      const fg = resolvedColor('--fg')
      const muted = resolvedColor('--muted')
      const line = resolvedColor('--line')
      const accent = resolvedColor('--accent')
      const contra = resolvedColor('--contra')
      const cite = resolvedColor('--cite')
      const scale = size.w / (to - from)
      // Axis
      g.fillStyle = muted
      g.strokeStyle = line
      g.lineWidth = 1
      const ticks = axisTicks(from, to, size.w)
      // Major labels first; a minor label is dropped where it would overlap any label already drawn.
      const taken: [number, number][] = []
      // The month or year the window starts in, at the left edge, unless a major tick there names it.
      const context = axisContext(from, to, size.w)
      if (context) {
        const span: [number, number] = [3, 3 + g.measureText(context).width]
        const named = ticks.some((t) => t.major && (t.day - from) * scale + 3 < span[1] + 6)
        if (!named) {
          taken.push(span)
          g.fillStyle = fg
          g.fillText(context, span[0], 14)
          g.fillStyle = muted
        }
      }
      for (const t of [...ticks.filter((k) => k.major), ...ticks.filter((k) => !k.major)]) {
        const x = Math.round((t.day - from) * scale) + 0.5
        g.beginPath()
        g.moveTo(x, t.major ? 0 : AXIS_H - 8)
        g.lineTo(x, t.major ? size.h : AXIS_H)
        g.stroke()
        const span: [number, number] = [x + 3, x + 3 + g.measureText(t.label).width]
        if (!t.major && taken.some(([a, b]) => span[0] < b + 6 && span[1] > a - 6)) continue
        taken.push(span)
        g.fillText(t.label, span[0], 14)
      }
      g.beginPath()
      g.moveTo(0, AXIS_H + 0.5)
      g.lineTo(size.w, AXIS_H + 0.5)
      g.stroke()
      const lanes = Math.max(1, Math.min(MAX_LANES, Math.floor((size.h - AXIS_H - 8) / LANE_H)))
      const titleWidth = (id: number): number => Math.min(LABEL_MAX_PX, g.measureText(byId.get(id)?.title ?? '').width)
      const laid = layoutLanes(spans, from, to, size.w, titleWidth, lanes)
      setPlaced(laid)
      for (const p of laid) {
        const e = byId.get(p.id)!
        const y = AXIS_H + 8 + p.lane * LANE_H + LANE_H / 2
        const disputed = isDisputed(e)
        const colour = disputed ? contra : e.status === 'confirmed' ? cite : e.status === 'denied' ? muted : accent
        const selected = p.id === selectedId
        g.fillStyle = colour
        g.strokeStyle = colour
        const point = p.end - p.start <= 1 || p.x1 - p.x0 <= 8
        if (point) {
          g.beginPath()
          g.arc(p.x0 + 4, y, selected ? 6 : 4.5, 0, Math.PI * 2)
          g.fill()
          if (disputed) {
            g.lineWidth = 2
            g.beginPath()
            g.arc(p.x0 + 4, y, 8.5, 0, Math.PI * 2)
            g.stroke()
          }
        } else {
          const h = selected ? 10 : 8
          g.globalAlpha = 0.85
          g.fillRect(p.x0, y - h / 2, p.x1 - p.x0, h)
          g.globalAlpha = 1
          if (disputed) {
            g.lineWidth = 2
            g.strokeRect(p.x0 - 2, y - h / 2 - 2, p.x1 - p.x0 + 4, h + 4)
          }
        }
        if (selected) {
          g.strokeStyle = fg
          g.lineWidth = 2
          g.strokeRect(p.x0 - 5, y - 10, Math.max(18, p.x1 - p.x0 + 10), 20)
        }
        const labelX = (point ? p.x0 + 8 : p.x1) + 6
        g.fillStyle = selected ? fg : muted
        const mark = disputed ? '⚠ ' : ''
        let label = mark + e.title
        while (label.length > 3 && g.measureText(label).width > LABEL_MAX_PX) label = label.slice(0, -2)
        if (label !== mark + e.title) label += '…'
        g.fillText(label, labelX, y + 4)
      }
    })
    return () => cancelAnimationFrame(frame)
  }, [view, size, spans, byId, selectedId, scheme])

  /** Zooms keeping the pointer's day still (wheel), else the selection's or the first event's. */
  const zoom = (factor: number, atX?: number): void => {
    moved.current = true
    setView((v) => zoomView(v, factor, atX !== undefined ? v[0] + (atX / size.w) * (v[1] - v[0]) : zoomAnchor(v, spans, selectedId)))
  }
  const pan = (fraction: number): void => {
    moved.current = true
    setView(([from, to]) => [from + (to - from) * fraction, to + (to - from) * fraction])
  }

  const hitAt = (x: number, y: number): number | null => {
    let best: { id: number; d: number } | null = null
    for (const p of placed) {
      const py = AXIS_H + 8 + p.lane * LANE_H + LANE_H / 2
      if (Math.abs(py - y) > LANE_H / 2) continue
      const dx = x < p.x0 ? p.x0 - x : x > p.x1 ? x - p.x1 : 0
      if (dx < 10 && (!best || dx < best.d)) best = { id: p.id, d: dx }
    }
    return best?.id ?? null
  }

  const drag = useRef<{ x: number; moved: boolean } | null>(null)
  const index = events.findIndex((e) => e.id === selectedId)
  const selected = index >= 0 ? events[index] : undefined
  const disputed = events.filter(isDisputed)
  const disputedNames = disputed.length > 0 ? `: ${disputed.slice(0, 5).map((e) => e.title).join('; ')}${disputed.length > 5 ? '; and more' : ''}` : ''
  // The whole label of the event under the pointer, else of the selected one while the timeline has focus.
  const labelled = hovered ?? (focused ? selectedId : null)
  const labelAt = labelled !== null ? placed.find((p) => p.id === labelled) : undefined
  const labelEvent = labelled !== null ? byId.get(labelled) : undefined

  return (
    <div className="timeline">
      <div className="timeline-tools" role="toolbar" aria-label="Timeline zoom">
        <button type="button" onClick={() => zoom(0.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoom(2)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={refit}>
          Fit
        </button>
        <span className="legend">
          <span className="dot dot-reported" /> reported <span className="dot dot-confirmed" /> confirmed <span className="dot dot-disputed" /> disputed
        </span>
      </div>
      <div ref={box} className="timeline-canvas-box">
        <canvas
          ref={canvas}
          style={{ width: size.w, height: size.h }}
          tabIndex={0}
          role="img"
          aria-label={`Timeline of ${events.length} events, ${disputed.length} disputed${disputedNames}. ${selected ? `Selected: ${humanizeEdtfString(selected.date.edtf)}, ${selected.title}${isDisputed(selected) ? ', disputed' : ''}.` : ''} Use left and right arrows to move between events, plus and minus to zoom.`}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onPointerLeave={() => setHovered(null)}
          data-testid="timeline-canvas"
          // The events painted, in time order: what a journey can check of a canvas.
          data-drawn={placed.map((p) => p.id).join(' ')}
          onWheel={(e) => {
            const rect = e.currentTarget.getBoundingClientRect()
            if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) pan((e.deltaX || e.deltaY) / size.w)
            else zoom(Math.exp(e.deltaY * 0.0015), e.clientX - rect.left)
          }}
          onPointerDown={(e) => {
            drag.current = { x: e.clientX, moved: false }
            e.currentTarget.setPointerCapture(e.pointerId)
          }}
          onPointerMove={(e) => {
            const d = drag.current
            if (!d) {
              const rect = e.currentTarget.getBoundingClientRect()
              setHovered(hitAt(e.clientX - rect.left, e.clientY - rect.top))
              return
            }
            const dx = e.clientX - d.x
            if (Math.abs(dx) > 2) d.moved = true
            if (d.moved) {
              pan(-dx / size.w)
              d.x = e.clientX
            }
          }}
          onPointerUp={(e) => {
            const d = drag.current
            drag.current = null
            if (d?.moved) return
            const rect = e.currentTarget.getBoundingClientRect()
            const id = hitAt(e.clientX - rect.left, e.clientY - rect.top)
            if (id !== null) onSelect(id)
          }}
          onDoubleClick={(e) => {
            const rect = e.currentTarget.getBoundingClientRect()
            const id = hitAt(e.clientX - rect.left, e.clientY - rect.top)
            if (id !== null) onEdit(id)
          }}
          onKeyDown={(e) => {
            if (e.ctrlKey || e.metaKey || e.altKey) return
            if (e.key === '+' || e.key === '=') zoom(0.5)
            else if (e.key === '-') zoom(2)
            else if (e.key === '0') refit()
            else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && e.shiftKey) pan(e.key === 'ArrowRight' ? 0.2 : -0.2)
            else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'j' || e.key === 'k') {
              const d = e.key === 'ArrowRight' || e.key === 'j' ? 1 : -1
              const next = events[Math.max(0, Math.min(events.length - 1, (index < 0 ? -1 : index) + d))]
              if (next) {
                onSelect(next.id)
                const s = dayNumber(next.date.earliest)
                setView(([from, to]) => (s < from || s > to ? [s - (to - from) / 2, s + (to - from) / 2] : [from, to]))
              }
            } else if (e.key === 'Enter' && selected) onEdit(selected.id)
            else return
            e.preventDefault()
            e.stopPropagation()
          }}
        />
        {labelAt && labelEvent && (
          <div
            className={`timeline-label${isDisputed(labelEvent) ? ' is-disputed' : ''}`}
            role="tooltip"
            style={{ left: Math.max(0, Math.min(labelAt.x0, size.w - 280)), top: AXIS_H + 8 + labelAt.lane * LANE_H + LANE_H }}
          >
            <span className="timeline-label-date">{humanizeEdtfString(labelEvent.date.edtf)}</span> {labelEvent.title}
            {isDisputed(labelEvent) && <strong className="status status-disputed"> disputed: sources disagree</strong>}
          </div>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {selected ? `${humanizeEdtfString(selected.date.edtf)}: ${selected.title}${isDisputed(selected) ? ', disputed' : ''}` : ''}
      </p>
    </div>
  )
}
