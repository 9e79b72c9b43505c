import type { PublishedDate } from '../../../shared/types'
import { publishedDoubt, publishedLabel } from '../../../shared/published'
import { publishedTitle } from '../lib/format'

/** An article's publication date as shown everywhere: doubt marked, its source in the tooltip. */
export function PublishedLabel({ published, className }: { published: PublishedDate | null; className?: string }): React.JSX.Element {
  const doubtful = published !== null && publishedDoubt(published) !== 'proven'
  const cls = [className, doubtful ? 'date-doubt' : null].filter(Boolean).join(' ')
  return (
    <span className={cls || undefined} title={publishedTitle(published)}>
      {publishedLabel(published)}
    </span>
  )
}
