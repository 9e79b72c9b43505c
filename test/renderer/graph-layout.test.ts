import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LABEL_MARGIN, RADIAL_DEFAULTS, labelSpots, labelTexts, overlaps, placeLabels, radialLayout, type Box } from '../../src/renderer/src/lib/graphLayout'

describe('radial layout of the co-occurrence graph', () => {
  it('puts the centre in the middle and the heaviest companion at twelve, nearest; the next ones a stride further round', () => {
    // Four spots, a stride of 3: twelve, nine, six and three o'clock.
    expect(radialLayout(1, [{ id: 3, weight: 1 }, { id: 2, weight: 5 }, { id: 4, weight: 3 }, { id: 5, weight: 1 }])).toEqual([
      { id: 1, x: 0, y: 0, r: 16 },
      { id: 2, x: 0, y: -70, r: 14 },
      { id: 4, x: -100, y: 0, r: 9.5 },
      { id: 3, x: 0, y: 130, r: 5 },
      { id: 5, x: 130, y: 0, r: 5 }
    ])
  })

  it('spreads the heaviest companions round the circle instead of filling one side', () => {
    // Seven companions sharing three articles and six sharing two, as an entity page of four articles drew them.
    const around = Array.from({ length: 13 }, (_, i) => ({ id: i + 2, weight: i < 7 ? 3 : 2 }))
    const heavy = radialLayout(1, around).filter((p) => p.id >= 2 && p.id < 9)
    expect(heavy.filter((p) => p.x > 0.1).length).toBeLessThanOrEqual(4)
    expect(heavy.filter((p) => p.x < -0.1).length).toBeLessThanOrEqual(4)
    // The largest angle between two neighbouring heavy ones is well under half a turn.
    const angles = heavy.map((p) => Math.atan2(p.y, p.x)).sort((a, b) => a - b)
    const gaps = angles.map((a, i) => (i === 0 ? a + 2 * Math.PI - angles[angles.length - 1]! : a - angles[i - 1]!))
    expect(Math.max(...gaps)).toBeLessThan(Math.PI / 2)
  })

  it("puts each label at the first of its spots that meets no other node and no label placed before it, the centre's first", () => {
    const nodes = fc.uniqueArray(fc.record({ id: fc.integer({ min: 2, max: 10_000 }), weight: fc.integer({ min: 1, max: 50 }) }), { selector: (n) => n.id, maxLength: 30 })
    const bounds = { x0: -200, x1: 200, y0: -155, y1: 155 }
    fc.assert(
      fc.property(nodes, fc.integer({ min: 20, max: 130 }), fc.integer({ min: 10, max: 60 }), (around, width, shorter) => {
        const placed = radialLayout(1, around)
        const widths = [width, Math.min(width, shorter)]
        const labels = placeLabels(placed, () => widths, bounds)
        const circle = (p: (typeof placed)[number]) => ({ x0: p.x - p.r, x1: p.x + p.r, y0: p.y - p.r, y1: p.y + p.r })
        const free = (p: (typeof placed)[number], box: Box, before: Box[]) =>
          box.x0 >= bounds.x0 && box.x1 <= bounds.x1 && box.y0 >= bounds.y0 && box.y1 <= bounds.y1 &&
          !placed.some((q) => q.id !== p.id && overlaps(box, circle(q), 0)) &&
          !before.some((k) => overlaps(box, k, LABEL_MARGIN))
        // Replayed in order: each label took the first free spot of its longest text that has one, and a node left without one had none.
        const before: Box[] = []
        for (const p of placed) {
          const choice = widths.findIndex((w) => labelSpots(p, w).some((s) => free(p, s.box, before)))
          const first = choice < 0 ? undefined : { ...labelSpots(p, widths[choice]!).find((s) => free(p, s.box, before))!, choice }
          expect(labels.get(p.id)).toEqual(first)
          if (first) before.push(first.box)
        }
        for (const [i, a] of before.entries()) for (const b of before.slice(i + 1)) expect(overlaps(a, b, 0)).toBe(false)
      })
    )
  })

  it('shortens a label that fits nowhere: a person to initials and surname, anything else to its first dozen characters', () => {
    expect(labelTexts('Ahmad Shah Massoud', true)).toEqual(['Ahmad Shah Massoud', 'A. S. Massoud'])
    expect(labelTexts('United Islamic Front for the Salvation of Afghanistan', false)).toEqual(['United Islamic Fron…', 'United Isla…'])
    expect(labelTexts('Kabul', false)).toEqual(['Kabul'])
    // A node whose long label meets its neighbour's takes the short one beside it.
    const placed = [
      { id: 1, x: 0, y: 0, r: 10 },
      { id: 2, x: 150, y: 0, r: 5 }
    ]
    const bounds = { x0: -200, x1: 200, y0: -20, y1: 20 }
    const labels = placeLabels(placed, (id) => (id === 2 ? [120, 40] : [30]), bounds)
    expect(labels.get(2)).toMatchObject({ choice: 1 })
  })

  it('offers the side facing away from the centre first, below for the centre itself', () => {
    const spots = (x: number, y: number) => labelSpots({ id: 2, x, y, r: 5 }, 40).map((s) => s.anchor + (s.y < 0 && s.anchor === 'middle' ? ' over' : ''))
    expect(spots(0, 0)).toEqual(['middle', 'middle over', 'start', 'end'])
    expect(spots(100, 0)[0]).toBe('start')
    expect(spots(-100, 0)[0]).toBe('end')
    expect(spots(0, -100)[0]).toBe('middle over')
    expect(spots(0, 100)[0]).toBe('middle')
    // The box covers the text where its anchor puts it.
    const [right] = labelSpots({ id: 2, x: 100, y: 0, r: 5 }, 40)
    expect(right!.box).toEqual({ x0: 107, x1: 147, y0: -7, y1: 5 })
  })

  it('keeps every companion between the rings, never farther than a lighter one, never on another', () => {
    const nodes = fc.uniqueArray(fc.record({ id: fc.integer({ min: 2, max: 10_000 }), weight: fc.integer({ min: 1, max: 500 }) }), { selector: (n) => n.id, maxLength: 40 })
    fc.assert(
      fc.property(nodes, (around) => {
        const placed = radialLayout(1, around)
        expect(placed).toHaveLength(around.length + 1)
        expect(placed[0]).toMatchObject({ id: 1, x: 0, y: 0 })
        const dist = new Map(placed.slice(1).map((p) => [p.id, Math.hypot(p.x, p.y)]))
        for (const d of dist.values()) {
          expect(d).toBeGreaterThanOrEqual(RADIAL_DEFAULTS.inner - 0.2)
          expect(d).toBeLessThanOrEqual(RADIAL_DEFAULTS.outer + 0.2)
        }
        for (const a of around) for (const b of around) if (a.weight > b.weight) expect(dist.get(a.id)!).toBeLessThanOrEqual(dist.get(b.id)! + 0.2)
        const spots = new Set(placed.map((p) => `${p.x},${p.y}`))
        if (around.length <= 36) expect(spots.size).toBe(placed.length)
      })
    )
  })
})
