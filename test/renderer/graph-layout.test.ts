import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RADIAL_DEFAULTS, radialLayout } from '../../src/renderer/src/lib/graphLayout'

describe('radial layout of the co-occurrence graph', () => {
  it('puts the centre in the middle and companions clockwise from twelve, heaviest nearest', () => {
    expect(radialLayout(1, [{ id: 3, weight: 1 }, { id: 2, weight: 5 }, { id: 4, weight: 3 }, { id: 5, weight: 1 }])).toEqual([
      { id: 1, x: 0, y: 0, r: 16 },
      { id: 2, x: 0, y: -70, r: 14 },
      { id: 4, x: 100, y: 0, r: 9.5 },
      { id: 3, x: 0, y: 130, r: 5 },
      { id: 5, x: -130, y: 0, r: 5 }
    ])
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
