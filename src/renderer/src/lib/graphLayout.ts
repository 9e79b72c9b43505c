/**
 * A force-free layout for an entity's small co-occurrence graph: the entity in the middle, its
 * companions on a ring, nearer the more articles they share. Deterministic, so a graph looks the
 * same every time it opens and tests can pin it.
 */

export interface RadialNode {
  id: number
  /** Articles shared with the centre. */
  weight: number
}

export interface Placed {
  id: number
  x: number
  y: number
  /** Circle radius, growing with weight. */
  r: number
}

export interface RadialOptions {
  /** Distance of the strongest companion from the centre. */
  inner: number
  /** Distance of the weakest companion. */
  outer: number
  minNode: number
  maxNode: number
}

export const RADIAL_DEFAULTS: RadialOptions = { inner: 70, outer: 130, minNode: 5, maxNode: 14 }

/**
 * Places `centre` at (0, 0) and `around` (heaviest first, as given or not) evenly by angle from
 * twelve o'clock, the heaviest first, each at a distance falling linearly with its weight.
 */
export function radialLayout(centre: number, around: readonly RadialNode[], o: RadialOptions = RADIAL_DEFAULTS): Placed[] {
  const sorted = [...around].sort((a, b) => b.weight - a.weight || a.id - b.id)
  const max = Math.max(1, ...sorted.map((n) => n.weight))
  const min = Math.min(max, ...sorted.map((n) => n.weight))
  const span = max - min
  const share = (w: number): number => (span === 0 ? 1 : (w - min) / span)
  const placed: Placed[] = [{ id: centre, x: 0, y: 0, r: o.maxNode + 2 }]
  sorted.forEach((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / sorted.length
    const d = o.outer - (o.outer - o.inner) * share(n.weight)
    placed.push({ id: n.id, x: round(d * Math.cos(angle)), y: round(d * Math.sin(angle)), r: round(o.minNode + (o.maxNode - o.minNode) * share(n.weight)) })
  })
  return placed
}

const round = (v: number): number => Math.round(v * 10) / 10
