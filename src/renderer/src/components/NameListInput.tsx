import { useEffect, useState } from 'react'
import { api } from '../api/client'

interface Props {
  id: string
  value: string
  onChange(value: string): void
  /** Where suggestions come from: people or places used on events, event tags or article tags. */
  kind: 'person' | 'place' | 'tag' | 'article-tag'
}

/**
 * A comma-separated list of names with autocomplete from the archive for the name being typed.
 * Each suggestion is the whole list with that name completed, so picking one from the browser's
 * datalist keeps the names already entered.
 */
export function NameListInput({ id, value, onChange, kind }: Props): React.JSX.Element {
  const [names, setNames] = useState<string[]>([])
  const cut = value.lastIndexOf(',')
  const head = cut < 0 ? '' : `${value.slice(0, cut + 1).trimEnd()} `
  const prefix = value.slice(cut + 1).trim()

  useEffect(() => {
    let stale = false
    const request =
      kind === 'tag'
        ? api.eventTagNames({ prefix, limit: 8 })
        : kind === 'article-tag'
          ? api.listArticleTags({ prefix, limit: 8 }).then((tags) => tags.map((t) => t.name))
          : api.entityNames({ kind, prefix, limit: 8 })
    request
      .then((n) => {
        if (!stale) setNames(n)
      })
      .catch(() => {
        if (!stale) setNames([])
      })
    return () => {
      stale = true
    }
  }, [kind, prefix])

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
