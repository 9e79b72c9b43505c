import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type ReactNode } from 'react'

interface Props {
  count: number
  rowHeight: number
  /** Rows rendered beyond the visible ones, above and below. */
  overscan?: number
  /** Renders row `index`; the element must apply `style` (absolute position inside the spacer). */
  renderRow(index: number, style: React.CSSProperties): ReactNode
  /** Called with the visible index window whenever it changes (for lazy loading). */
  onRange?(first: number, last: number): void
  className?: string
  role?: string
  ariaLabel?: string
  ariaActiveDescendant?: string
  ariaMultiselectable?: boolean
  tabIndex?: number
  onKeyDown?(e: React.KeyboardEvent<HTMLDivElement>): void
}

export interface VirtualListHandle {
  scrollToIndex(index: number): void
  focus(): void
}

/**
 * Fixed-height windowing: only the rows in view (plus overscan) exist in the DOM, so 100,000
 * rows cost the same as fifty. Rows are absolutely positioned inside a spacer of full height.
 */
export const VirtualList = forwardRef<VirtualListHandle, Props>(function VirtualList(
  { count, rowHeight, overscan = 8, renderRow, onRange, className, role, ariaLabel, ariaActiveDescendant, ariaMultiselectable, tabIndex, onKeyDown },
  ref
) {
  const box = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(600)

  useEffect(() => {
    const el = box.current
    if (!el) return
    const observer = new ResizeObserver(() => setHeight(el.clientHeight))
    observer.observe(el)
    setHeight(el.clientHeight)
    return () => observer.disconnect()
  }, [])

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex(index) {
        const el = box.current
        if (!el) return
        const top = index * rowHeight
        if (top < el.scrollTop) el.scrollTop = top
        else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight
      },
      focus() {
        box.current?.focus()
      }
    }),
    [rowHeight]
  )

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan)
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan)

  const reported = useRef('')
  useEffect(() => {
    const key = `${first}:${last}`
    if (onRange && key !== reported.current && count > 0) {
      reported.current = key
      onRange(first, last)
    }
  }, [first, last, count, onRange])

  const onScroll = useCallback((e: React.UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), [])

  const rows: ReactNode[] = []
  for (let i = first; i <= last; i++) {
    rows.push(renderRow(i, { position: 'absolute', left: 0, right: 0, top: i * rowHeight, height: rowHeight }))
  }
  return (
    <div
      ref={box}
      className={`vlist ${className ?? ''}`}
      onScroll={onScroll}
      role={role}
      aria-label={ariaLabel}
      aria-activedescendant={ariaActiveDescendant}
      aria-multiselectable={ariaMultiselectable}
      tabIndex={tabIndex}
      onKeyDown={onKeyDown}
    >
      <div className="vspacer" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  )
})
