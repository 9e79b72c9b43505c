/** Pure helpers that split text into plain and marked segments for the Reader. */

export type Range = readonly [start: number, end: number]

export interface Segment {
  text: string
  start: number
  /** Indexes into the `layers` given to `segmentText` that cover this segment. */
  marks: number[]
}

/**
 * Cuts `text` (which starts at absolute offset `base`) at every boundary of every layer's ranges
 * (absolute offsets), so each segment knows which layers cover it. Layers may overlap.
 */
export function segmentText(text: string, base: number, layers: readonly (readonly Range[])[]): Segment[] {
  const end = base + text.length
  const cuts = new Set<number>([base, end])
  layers.forEach((ranges) => {
    for (const [s, e] of ranges) {
      if (e <= base || s >= end) continue
      cuts.add(Math.max(s, base))
      cuts.add(Math.min(e, end))
    }
  })
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i]!
    const e = points[i + 1]!
    if (e <= s) continue
    const marks: number[] = []
    layers.forEach((ranges, layer) => {
      if (ranges.some(([rs, re]) => rs <= s && re >= e)) marks.push(layer)
    })
    segments.push({ text: text.slice(s - base, e - base), start: s, marks })
  }
  return segments
}
