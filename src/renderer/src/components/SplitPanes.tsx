import { Fragment, useCallback, useRef, type ReactNode } from 'react'
import { usePersistentState } from '../lib/persist'

interface Props {
  /** Persisted under this key. */
  id: string
  /** Initial relative sizes (fractions summing to 1). */
  initial: number[]
  /** Smallest fraction a pane may shrink to. */
  min?: number
  labels: string[]
  children: ReactNode[]
}

const STEP = 0.02

/**
 * Side-by-side panes with draggable separators. Separators are focusable (role=separator) and
 * move with the arrow keys, so resizing works without a mouse; sizes are remembered.
 */
export function SplitPanes({ id, initial, min = 0.12, labels, children }: Props): React.JSX.Element {
  const [sizes, setSizes] = usePersistentState<number[]>(`split.${id}`, initial)
  const valid = sizes.length === children.length && sizes.every((s) => s > 0) ? sizes : initial
  const box = useRef<HTMLDivElement>(null)

  const move = useCallback(
    (index: number, delta: number) => {
      setSizes((prev) => {
        const cur = prev.length === valid.length ? [...prev] : [...valid]
        const a = cur[index]!
        const b = cur[index + 1]!
        const d = Math.max(min - a, Math.min(b - min, delta))
        cur[index] = a + d
        cur[index + 1] = b - d
        return cur
      })
    },
    [setSizes, valid, min]
  )

  const onPointerDown = (index: number) => (e: React.PointerEvent<HTMLDivElement>) => {
    e.preventDefault()
    const width = box.current?.getBoundingClientRect().width ?? 1
    let last = e.clientX
    const target = e.currentTarget
    target.setPointerCapture(e.pointerId)
    const onMove = (ev: PointerEvent): void => {
      move(index, (ev.clientX - last) / width)
      last = ev.clientX
    }
    const onUp = (): void => {
      target.removeEventListener('pointermove', onMove)
      target.removeEventListener('pointerup', onUp)
    }
    target.addEventListener('pointermove', onMove)
    target.addEventListener('pointerup', onUp)
  }

  const template = valid.map((s, i) => `minmax(0, ${s}fr)${i < valid.length - 1 ? ' 6px' : ''}`).join(' ')
  return (
    <div className="split" ref={box} style={{ gridTemplateColumns: template }}>
      {children.map((child, i) => (
        <Fragment key={i}>
          {child}
          {i < children.length - 1 && (
            <div
              className="splitter"
              role="separator"
              aria-orientation="vertical"
              aria-label={`Resize ${labels[i]} and ${labels[i + 1]}`}
              aria-valuenow={Math.round((valid[i] ?? 0) * 100)}
              aria-valuemin={Math.round(min * 100)}
              aria-valuemax={100}
              tabIndex={0}
              onPointerDown={onPointerDown(i)}
              onDoubleClick={() => setSizes(initial)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowLeft') move(i, -STEP)
                else if (e.key === 'ArrowRight') move(i, STEP)
                else if (e.key === 'Home' || e.key === 'End') setSizes(initial)
                else return
                e.preventDefault()
              }}
            />
          )}
        </Fragment>
      ))}
    </div>
  )
}
