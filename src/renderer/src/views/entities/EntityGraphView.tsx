import type { EntityGraph } from '../../../../shared/entities'
import { labelTexts, placeLabels, radialLayout } from '../../lib/graphLayout'
import { KIND_LABELS } from './KindIcon'

interface Props {
  graph: EntityGraph
  centre: number
  onOpen(id: number): void
}

/** Half the drawing's width and height: room for the outer ring and the labels beyond it. */
const HALF_W = 200
const HALF_H = 155
/** A label's width per character at the drawing's 11px, a little over the average (DejaVu Sans, the widest usual default), so kept labels never touch. */
const CHAR_W = 7

/**
 * The entities that appear with this one most, drawn around it: nearer and larger for more shared
 * articles. Each node is a button (Tab reaches it, Enter opens it); the list beside it says the same
 * in words for screen readers.
 */
export function EntityGraphView({ graph, centre, onOpen }: Props): React.JSX.Element | null {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  const weightTo = (id: number): number => graph.edges.find((e) => (e.a === centre && e.b === id) || (e.b === centre && e.a === id))?.weight ?? 0
  const around = graph.nodes.filter((n) => n.id !== centre).map((n) => ({ id: n.id, weight: weightTo(n.id) }))
  if (around.length === 0) return null
  const placed = radialLayout(centre, around)
  const at = new Map(placed.map((p) => [p.id, p]))
  const maxW = Math.max(1, ...graph.edges.map((e) => e.weight))
  const texts = new Map(graph.nodes.map((n) => [n.id, labelTexts(n.name, n.kind === 'person')]))
  const labels = placeLabels(placed, (id) => (texts.get(id) ?? []).map((t) => CHAR_W * t.length), { x0: -HALF_W, x1: HALF_W, y0: -HALF_H, y1: HALF_H })
  return (
    <svg className="entity-graph" viewBox={`${-HALF_W} ${-HALF_H} ${HALF_W * 2} ${HALF_H * 2}`} role="group" aria-label="Entities appearing with it">
      {graph.edges.map((e) => {
        const a = at.get(e.a)
        const b = at.get(e.b)
        if (!a || !b) return null
        return <line key={`${e.a}-${e.b}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className="graph-edge" strokeWidth={0.5 + (2.5 * e.weight) / maxW} />
      })}
      {placed.map((p) => {
        const n = byId.get(p.id)
        if (!n) return null
        const isCentre = p.id === centre
        const open = (): void => {
          if (!isCentre) onOpen(p.id)
        }
        const spot = labels.get(p.id)
        return (
          <g
            key={p.id}
            className={`graph-node kind-${n.kind}${isCentre ? ' is-centre' : ''}`}
            transform={`translate(${p.x} ${p.y})`}
            {...(isCentre
              ? { 'aria-hidden': true }
              : {
                  role: 'button',
                  tabIndex: 0,
                  'aria-label': `${n.name} (${KIND_LABELS[n.kind].one}), ${weightTo(p.id)} shared articles`,
                  onClick: open,
                  onKeyDown: (e: React.KeyboardEvent) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault()
                      open()
                    }
                  }
                })}
          >
            <title>{n.name}</title>
            <circle r={p.r} />
            {spot && (
              <text x={spot.x} y={spot.y} textAnchor={spot.anchor}>
                {texts.get(p.id)?.[spot.choice]}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}
