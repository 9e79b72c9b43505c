import { keepPreviousData } from '@tanstack/react-query'
import { useApiQuery } from '../data/hooks'
import { INLINE } from '../data/meta'

interface Props {
  id: string
  value: string
  onChange(value: string): void
  /** Where suggestions come from: people, organisations or places used on events, event tags or article tags. */
  kind: 'person' | 'org' | 'place' | 'tag' | 'article-tag'
}

/**
 * A comma-separated list of names with autocomplete from the archive for the name being typed.
 * Each suggestion is the whole list with that name completed, so picking one from the browser's
 * datalist keeps the names already entered.
 */
export function NameListInput({ id, value, onChange, kind }: Props): React.JSX.Element {
  const cut = value.lastIndexOf(',')
  const head = cut < 0 ? '' : `${value.slice(0, cut + 1).trimEnd()} `
  const prefix = value.slice(cut + 1).trim()

  // Suggestions only: a failed lookup leaves the datalist empty, it is no error to show.
  const options = { placeholderData: keepPreviousData, meta: INLINE }
  const tags = useApiQuery('eventTagNames', kind === 'tag' ? { prefix, limit: 8 } : null, options)
  const articleTags = useApiQuery('listArticleTags', kind === 'article-tag' ? { prefix, limit: 8 } : null, options)
  const entities = useApiQuery('entityNames', kind === 'person' || kind === 'org' || kind === 'place' ? { kind, prefix, limit: 8 } : null, options)
  const names = (kind === 'tag' ? tags.data : kind === 'article-tag' ? articleTags.data?.map((t) => t.name) : entities.data) ?? []

  const entered = new Set(
    value
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean)
  )
  return (
    <>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} placeholder="comma, separated" list={`${id}-names`} autoComplete="off" />
      <datalist id={`${id}-names`}>
        {names
          .filter((n) => !entered.has(n.toLowerCase()) || n.toLowerCase() === prefix.toLowerCase())
          .map((n) => (
            <option key={n} value={`${head}${n}`} />
          ))}
      </datalist>
    </>
  )
}
