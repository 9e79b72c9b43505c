import { Map as MapIcon, Newspaper, Users } from 'lucide-react'
import type { ReactNode } from 'react'

export type LeftView = 'articles' | 'entities' | 'map'

const VIEWS: { value: LeftView; label: string; icon: ReactNode }[] = [
  { value: 'articles', label: 'Articles', icon: <Newspaper /> },
  { value: 'entities', label: 'Entities', icon: <Users /> },
  { value: 'map', label: 'Map', icon: <MapIcon /> }
]

interface Props {
  view: LeftView
  onView(view: LeftView): void
  children: ReactNode
}

/** The first pane: the articles (Library and Search), the entities found in them, or the map of their places. */
export function LeftPane({ view, onView, children }: Props): React.JSX.Element {
  return (
    <section className="pane left-pane" aria-label={VIEWS.find((v) => v.value === view)!.label}>
      <div className="segmented view-tabs" role="group" aria-label="Show in this pane">
        {VIEWS.map((v) => (
          <button key={v.value} type="button" aria-pressed={view === v.value} onClick={() => onView(v.value)}>
            {v.icon} {v.label}
          </button>
        ))}
      </div>
      {children}
    </section>
  )
}
