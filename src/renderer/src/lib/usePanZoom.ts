import { useCallback, useRef, useState } from 'react'

export interface View {
  /** Zoom factor, 1 = the whole map. */
  k: number
  /** Translation in map units, applied after the zoom. */
  x: number
  y: number
}

export const WHOLE: View = { k: 1, x: 0, y: 0 }
const MIN_K = 1
const MAX_K = 24

/** `v` zoomed by `factor` around map point (px, py), which stays where it is on screen. Pure. */
export function zoomAround(v: View, factor: number, px: number, py: number): View {
  const k = Math.min(MAX_K, Math.max(MIN_K, v.k * factor))
  if (k === MIN_K) return WHOLE
  const f = k / v.k
  return { k, x: px - (px - v.x) * f, y: py - (py - v.y) * f }
}

/**
 * Pan and zoom of an SVG drawn in a `width` × `height` viewBox: the wheel zooms around the pointer,
 * a drag pans, and the keys +, −, arrows and 0 do the same for the keyboard.
 */
export function usePanZoom(width: number, height: number) {
  const [view, setView] = useState<View>(WHOLE)
  const drag = useRef<{ x: number; y: number; scale: number } | null>(null)

  /** A client point in map units. */
  const toMap = (svg: SVGSVGElement, cx: number, cy: number): [number, number] => {
    const r = svg.getBoundingClientRect()
    return [((cx - r.left) / r.width) * width, ((cy - r.top) / r.height) * height]
  }
  const onWheel = (e: React.WheelEvent<SVGSVGElement>): void => {
    const [px, py] = toMap(e.currentTarget, e.clientX, e.clientY)
    setView((v) => zoomAround(v, e.deltaY < 0 ? 1.25 : 0.8, px, py))
  }
  const onPointerDown = (e: React.PointerEvent<SVGSVGElement>): void => {
    if (e.button !== 0 || (e.target as Element).closest('[data-place]')) return
    drag.current = { x: e.clientX, y: e.clientY, scale: width / e.currentTarget.getBoundingClientRect().width }
    e.currentTarget.setPointerCapture?.(e.pointerId)
  }
  const onPointerMove = (e: React.PointerEvent<SVGSVGElement>): void => {
    const d = drag.current
    if (!d) return
    const dx = (e.clientX - d.x) * d.scale
    const dy = (e.clientY - d.y) * d.scale
    drag.current = { ...d, x: e.clientX, y: e.clientY }
    setView((v) => (v.k === 1 ? v : { ...v, x: v.x + dx, y: v.y + dy }))
  }
  const onPointerUp = (): void => {
    drag.current = null
  }
  const zoom = useCallback((factor: number) => setView((v) => zoomAround(v, factor, width / 2, height / 2)), [width, height])
  const reset = useCallback(() => setView(WHOLE), [])
  const onKeyDown = (e: React.KeyboardEvent): void => {
    const step = 60
    const pan = (dx: number, dy: number): void => setView((v) => (v.k === 1 ? v : { ...v, x: v.x + dx, y: v.y + dy }))
    if (e.key === '+' || e.key === '=') zoom(1.5)
    else if (e.key === '-') zoom(1 / 1.5)
    else if (e.key === '0') reset()
    else if (e.key === 'ArrowLeft') pan(step, 0)
    else if (e.key === 'ArrowRight') pan(-step, 0)
    else if (e.key === 'ArrowUp') pan(0, step)
    else if (e.key === 'ArrowDown') pan(0, -step)
    else return
    e.preventDefault()
  }
  return { view, zoom, reset, handlers: { onWheel, onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onKeyDown } }
}
