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
 * Places `centre` at (0, 0) and `around` on evenly spaced spots from twelve o'clock, each at a
 * distance falling linearly with its weight. The heaviest takes twelve o'clock and the next ones
 * the spots a fixed stride further round (near n / φ², coprime with n), so the heaviest few are
 * spread round the circle: filled clockwise, companions of equal weight crowded one side of
 * the inner ring and their labels ran into each other.
 */
export function radialLayout(centre: number, around: readonly RadialNode[], o: RadialOptions = RADIAL_DEFAULTS): Placed[] {
  const sorted = [...around].sort((a, b) => b.weight - a.weight || a.id - b.id)
  const max = Math.max(1, ...sorted.map((n) => n.weight))
  const min = Math.min(max, ...sorted.map((n) => n.weight))
  const span = max - min
  const share = (w: number): number => (span === 0 ? 1 : (w - min) / span)
  const placed: Placed[] = [{ id: centre, x: 0, y: 0, r: o.maxNode + 2 }]
  const n = sorted.length
  const step = stride(n)
  sorted.forEach((node, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * ((i * step) % n)) / n
    const d = o.outer - (o.outer - o.inner) * share(node.weight)
    placed.push({ id: node.id, x: round(d * Math.cos(angle)), y: round(d * Math.sin(angle)), r: round(o.minNode + (o.maxNode - o.minNode) * share(node.weight)) })
  })
  return placed
}

/** A step round n spots near n / φ² that visits every spot (coprime with n). */
function stride(n: number): number {
  let s = Math.max(1, Math.round(n * 0.382))
  while (gcd(s, n) !== 1) s++
  return s
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/** A label's place beside its node: where its text starts (relative to the node), its anchor, and the box it covers (absolute). */
export interface LabelSpot {
  x: number
  y: number
  anchor: 'start' | 'middle' | 'end'
  box: Box
}

export interface Box {
  x0: number
  x1: number
  y0: number
  y1: number
}

/** A label's height in the drawing's units (11px text), and the gap between it and its circle. */
const LABEL_H = 12
const LABEL_GAP = 2

/**
 * The four places a label can take round its node, the side facing away from the centre first
 * (below for the centre itself): under, over, right or left of its circle.
 */
export function labelSpots(p: Placed, width: number): LabelSpot[] {
  const { x, y, r } = p
  const spot = (dx: number, baseline: number, anchor: LabelSpot['anchor'], x0: number, y0: number): LabelSpot => ({
    x: dx,
    y: baseline,
    anchor,
    box: { x0: x + x0, x1: x + x0 + width, y0: y + y0, y1: y + y0 + LABEL_H }
  })
  const spots = [
    { toward: [0, 1], spot: spot(0, r + 10, 'middle', -width / 2, r + 1) },
    { toward: [0, -1], spot: spot(0, -r - 4, 'middle', -width / 2, -r - 1 - LABEL_H) },
    { toward: [1, 0], spot: spot(r + LABEL_GAP, 4, 'start', r + LABEL_GAP, -LABEL_H / 2 - 1) },
    { toward: [-1, 0], spot: spot(-r - LABEL_GAP, 4, 'end', -r - LABEL_GAP - width, -LABEL_H / 2 - 1) }
  ]
  if (x === 0 && y === 0) return spots.map((s) => s.spot)
  // A stable sort: ties keep under, over, right, left.
  return spots.sort((a, b) => b.toward[0]! * x + b.toward[1]! * y - (a.toward[0]! * x + a.toward[1]! * y)).map((s) => s.spot)
}

/** A label placed: its spot, and which of the node's texts (longest first) fits there. */
export interface PlacedLabel extends LabelSpot {
  choice: number
}

/**
 * Where each node's label is drawn: in the order given (centre, then heaviest first), at the first
 * of its spots inside `bounds` that overlaps no other node's circle and no label already placed,
 * trying the node's texts from the longest (`widths`, "Ahmad Shah Massoud" then "A. S. Massoud");
 * a node with none left keeps its tooltip, its spoken name and its line in the list beside the
 * drawing.
 */
export function placeLabels(placed: readonly Placed[], widths: (id: number) => readonly number[], bounds: Box): Map<number, PlacedLabel> {
  const circles = placed.map((p) => ({ id: p.id, x0: p.x - p.r, x1: p.x + p.r, y0: p.y - p.r, y1: p.y + p.r }))
  const out = new Map<number, PlacedLabel>()
  const kept: Box[] = []
  for (const p of placed) {
    const fits = (s: LabelSpot): boolean =>
      s.box.x0 >= bounds.x0 &&
      s.box.x1 <= bounds.x1 &&
      s.box.y0 >= bounds.y0 &&
      s.box.y1 <= bounds.y1 &&
      !circles.some((c) => c.id !== p.id && overlaps(s.box, c, 0)) &&
      !kept.some((k) => overlaps(s.box, k, LABEL_MARGIN))
    for (const [choice, width] of widths(p.id).entries()) {
      const spot = labelSpots(p, width).find(fits)
      if (!spot) continue
      out.set(p.id, { ...spot, choice })
      kept.push(spot.box)
      break
    }
  }
  return out
}

/**
 * A node's label texts, longest first: the name (cut at 20 characters), then for a person of
 * several words the initials before the surname ("A. S. Massoud"), for anything else its first
 * dozen characters ("United Islami…").
 */
export function labelTexts(name: string, person: boolean): string[] {
  const full = name.length > 20 ? `${name.slice(0, 19)}…` : name
  const words = name.split(/\s+/).filter(Boolean)
  const short =
    person && words.length > 1
      ? `${words.slice(0, -1).map((w) => `${[...w][0]}.`).join(' ')} ${words[words.length - 1]}`
      : name.length > 12 ? `${name.slice(0, 11)}…` : name
  return short.length < full.length ? [full, short] : [full]
}

/** Space kept between two labels side by side. */
export const LABEL_MARGIN = 2

/** Whether two boxes overlap, or come within `margin` of each other side by side. */
export function overlaps(a: Box, b: Box, margin: number): boolean {
  return a.x0 < b.x1 + margin && a.x1 > b.x0 - margin && a.y0 < b.y1 && a.y1 > b.y0
}

const round = (v: number): number => Math.round(v * 10) / 10
