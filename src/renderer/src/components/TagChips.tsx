interface Props {
  tags: readonly string[]
  /** Runs the search for one tag. */
  onTag(name: string): void
}

/** An article's tags as buttons; each runs the search `tag:name`. */
export function TagChips({ tags, onTag }: Props): React.JSX.Element | null {
  if (tags.length === 0) return null
  return (
    <ul className="tag-chips" aria-label="Tags">
      {tags.map((t) => (
        <li key={t}>
          <button type="button" className="badge badge-tag tag-chip" onClick={() => onTag(t)} aria-label={`${t}: show articles with this tag`} title={`Search tag:${t}`}>
            {t}
          </button>
        </li>
      ))}
    </ul>
  )
}
