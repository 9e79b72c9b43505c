import { NoResults } from './NoResults'
import { CircleHelp, FileText } from 'lucide-react'
import { sourceLabel } from '../../../../shared/article-label'
import { keepPreviousData } from '@tanstack/react-query'
import { forwardRef, useCallback, useEffect, useRef, useState } from 'react'
import type { Facets, SearchSort, Snippet, Suggestion } from '../../../../shared/search'
import { lastDayOf } from '../../../../shared/edtf'
import { count, languageName, monthHeading } from '../../lib/format'
import { PublishedLabel } from '../../components/PublishedLabel'
import { usePersistentState } from '../../lib/persist'
import { useApiMutation, useApiQuery, useQueryClient } from '../../data/hooks'
import { apiKey } from '../../data/keys'
import { useListNavigation, type ListHandle } from '../../lib/useListNavigation'
import { AlsoMatched } from './AlsoMatched'
import { SyntaxHelp } from './SyntaxHelp'
import { NameForm } from '../../components/NameForm'
import { SEARCH_PAGE, useSearch } from './useSearch'

interface Props {
  query: string
  onQuery(q: string): void
  fuzzy: boolean
  onFuzzy(f: boolean): void
  openId: number | null
  onOpen(id: number): void
  /** The Library is shown instead while the box is empty. */
  children: React.ReactNode
}

/** Each facet group, labelled with what its chips are: a bare "2021" or "CAIRO" says nothing. */
const FACET_FIELDS: { key: Exclude<keyof Facets, 'entitiesCounted'>; field: string; label: string; chip(value: string): string }[] = [
  { key: 'month', field: 'after', label: 'Published', chip: monthHeading },
  { key: 'outlet', field: 'outlet', label: 'Outlet', chip: (v) => v },
  { key: 'place', field: 'place', label: 'Dateline', chip: (v) => v },
  { key: 'language', field: 'lang', label: 'Language', chip: (v) => languageName(v) },
  // Entity facets filter by the entity, so every spelling of the name matches, not only this one.
  { key: 'person', field: 'person', label: 'People', chip: (v) => v },
  { key: 'org', field: 'org', label: 'Organisations', chip: (v) => v },
  { key: 'mentionedPlace', field: 'place', label: 'Places named', chip: (v) => v }
]

function quoteValue(v: string): string {
  return /[\s"()]/.test(v) ? `"${v.replace(/"/g, '')}"` : v
}

/** The query text for a facet chip; months become an after:/before: pair, the unknown-year bucket has:unknown-year. */
function facetFilter(field: string, value: string): string {
  if (field === 'after' && value === 'XXXX') return 'has:unknown-year'
  if (field === 'after') {
    const [y, m] = value.split('-')
    return m ? `after:${value}-01 before:${lastDayOf(value)}` : `after:${y}-01-01 before:${lastDayOf(value)}`
  }
  return `${field}:${quoteValue(value)}`
}

function SnippetText({ s }: { s: Snippet }): React.JSX.Element {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const [a, b] of s.highlights) {
    if (a > at) parts.push(s.text.slice(at, a))
    parts.push(<mark key={a}>{s.text.slice(a, b)}</mark>)
    at = b
  }
  parts.push(s.text.slice(at))
  return (
    <span className="snippet">
      <span className="snippet-para" aria-label={`paragraph ${s.paragraph}`}>
        ¶{s.paragraph}
      </span>{' '}
      {s.clippedStart && '… '}
      {parts}
      {s.clippedEnd && ' …'}
    </span>
  )
}

/** Search box, how the query was read, facet chips, saved searches and the hit list. */
export const SearchPane = forwardRef<ListHandle, Props>(function SearchPane({ query, onQuery, fuzzy, onFuzzy, openId, onOpen, children }, ref) {
  const [sort, setSort] = usePersistentState<SearchSort>('search.sort', 'rank')
  const [shown, setShown] = useState({ limit: SEARCH_PAGE, for: '' })
  const [help, setHelp] = useState(false)
  const [naming, setNaming] = useState(false)
  const list = useRef<HTMLUListElement>(null)
  // "Show more" belongs to the query it was pressed for.
  const searchKey = JSON.stringify([query, fuzzy, sort])
  const limit = shown.for === searchKey ? shown.limit : SEARCH_PAGE
  const { result, answered, pending, error } = useSearch({ query, fuzzy, sort }, limit)
  const hits = result?.hits ?? []

  // Completions for the word being typed (the last one), shown as chips under the box.
  const lastWord = /(?:^|\s)([^\s":()-][^\s":()]*)$/.exec(query)?.[1] ?? ''
  const completing = lastWord.length >= 2 && !/[~*]$/.test(lastWord)
  const suggested = useApiQuery('suggest', completing ? { prefix: lastWord, limit: 8 } : null, { placeholderData: keepPreviousData })
  const suggestions = completing ? (suggested.data ?? []).filter((x) => x.insert.toLowerCase() !== lastWord.toLowerCase()).slice(0, 6) : []

  const complete = (s: Suggestion): void => {
    if (s.kind === 'title' && s.articleId !== null) {
      onOpen(s.articleId)
      return
    }
    onQuery(`${query.slice(0, query.length - lastWord.length)}${s.insert} `)
    document.getElementById('search-input')?.focus()
  }

  // Saving and forgetting announce no change event: the list is asked for again here.
  const qc = useQueryClient()
  const savedChanged = (): void => void qc.invalidateQueries({ queryKey: apiKey('listSavedSearches', {}) })
  const saved = useApiQuery('listSavedSearches', {}).data ?? []
  const saveSearch = useApiMutation('saveSearch', { onSuccess: savedChanged })
  const forgetSearch = useApiMutation('deleteSavedSearch', { onSuccess: savedChanged })

  const idAt = (i: number): number | undefined => hits[i]?.articleId
  const scrollTo = useCallback((i: number) => list.current?.querySelector(`[data-index="${i}"]`)?.scrollIntoView({ block: 'nearest' }), [])
  const focus = useCallback(() => list.current?.focus(), [])
  const { active, setActive, moveTo, openIndex, onKey } = useListNavigation({ count: hits.length, idAt, onOpen, scrollTo, focus, resetKey: searchKey }, ref)

  // Enter before the text typed is answered opens the top hit of that answer once it comes: the
  // hits on screen may answer only part of it ("convoy" on the way to "convoy permits").
  // Typing on, or another order, asks for something else: the pending open is dropped.
  const openOnAnswer = useRef<string | null>(null)
  useEffect(() => {
    if (openOnAnswer.current !== null && openOnAnswer.current !== searchKey) openOnAnswer.current = null
    if (openOnAnswer.current === null || pending) return
    openOnAnswer.current = null
    openIndex(0)
  }, [searchKey, pending, openIndex])

  const onBoxKey = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') moveTo(active + 1)
    else if (e.key === 'ArrowUp') moveTo(active - 1)
    else if (e.key === 'Enter') {
      if (pending) openOnAnswer.current = searchKey
      else openIndex(active)
    }
    else if (e.key === 'Escape') {
      if (query) onQuery('')
      else (e.target as HTMLInputElement).blur()
    } else return
    e.preventDefault()
  }

  const toggleFilter = (text: string): void => {
    const has = query.includes(text)
    onQuery(has ? query.replace(text, '').replace(/\s{2,}/g, ' ').trim() : `${query.trim()} ${text}`.trim())
  }

  const current = saved.find((x) => x.query === query && x.fuzzy === fuzzy)
  const parsed = result?.query.parsed
  const activeHit = hits[active]

  return (
    <section className="pane library search-pane" aria-label="Library">
      <div className="search-head" role="search">
        <div className="search-row">
          <label htmlFor="search-input" className="visually-hidden">
            Search the archive
          </label>
          <input
            id="search-input"
            type="search"
            placeholder="Search (Ctrl+K)…"
            value={query}
            onChange={(e) => onQuery(e.target.value)}
            onKeyDown={onBoxKey}
            autoComplete="off"
            spellCheck={false}
            aria-controls={query ? 'search-hits' : undefined}
            aria-activedescendant={query && activeHit ? `hit-${activeHit.articleId}` : undefined}
            aria-describedby={query ? 'search-read-as' : undefined}
          />
          <label className="switch" title="Match spelling variants of every word (word~)">
            <input type="checkbox" checked={fuzzy} onChange={(e) => onFuzzy(e.target.checked)} />
            Fuzzy
          </label>
          <button type="button" className="icon-button" aria-label="Search syntax help" aria-expanded={help} onClick={() => setHelp((h) => !h)}>
            <CircleHelp />
          </button>
        </div>
        {help && <SyntaxHelp onClose={() => setHelp(false)} />}
        {suggestions.length > 0 && (
          <div className="suggestions" role="group" aria-label="Complete the word">
            {suggestions.map((s) => (
              <button key={`${s.kind}-${s.label}`} type="button" className={`chip chip-${s.kind}`} onClick={() => complete(s)} title={s.kind === 'title' ? 'Open this article' : `Complete with ${s.insert}`}>
                {s.kind === 'title' && <FileText />}
                {s.label}
                {s.count !== null && <span className="chip-count"> {count(s.count)}</span>}
              </button>
            ))}
          </div>
        )}
        {query && (
          <div className="search-info" id="search-read-as" aria-live="polite">
            {result && <AlsoMatched query={result.query.text} expansions={result.expansions} />}
            {parsed && parsed.warnings.length > 0 && <p className="query-warning">{parsed.warnings.join(' ')}</p>}
            {parsed && <p className="read-as">Read as: {parsed.readAs}</p>}
            {error && <p className="query-warning">{error}</p>}
          </div>
        )}
        {naming ? (
          <NameForm
            label="Name for this search"
            initial={query}
            submitLabel="Save"
            onCancel={() => setNaming(false)}
            onSubmit={(name) => {
              setNaming(false)
              void saveSearch.run({ name, query, fuzzy, sort })
            }}
          />
        ) : (
          (saved.length > 0 || query) && (
            <div className="saved-row">
              {saved.length > 0 && (
                <select
                  aria-label="Saved searches"
                  value=""
                  onChange={(e) => {
                    const s = saved.find((x) => String(x.id) === e.target.value)
                    if (!s) return
                    onQuery(s.query)
                    onFuzzy(s.fuzzy)
                    setSort(s.sort)
                  }}
                >
                  <option value="">Saved searches…</option>
                  {saved.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
              {query && !current && (
                <button type="button" onClick={() => setNaming(true)}>
                  Save search
                </button>
              )}
              {current && (
                <button type="button" onClick={() => void forgetSearch.run({ id: current.id })} title={`Forget the saved search “${current.name}”`}>
                  Forget “{current.name}”
                </button>
              )}
            </div>
          )
        )}
      </div>
      {!query ? (
        children
      ) : (
        <>
          <div className="results-head">
            <h2 className="pane-title" aria-live="polite">
              {result ? `${count(result.total)} result${result.total === 1 ? '' : 's'}` : 'Searching…'}
              {pending && result && <span className="spinner" aria-label="updating" />}
            </h2>
            <select aria-label="Sort results" value={sort} onChange={(e) => setSort(e.target.value as SearchSort)}>
              <option value="rank">Best match</option>
              <option value="date">Newest</option>
              <option value="date-asc">Oldest</option>
            </select>
          </div>
          {result && (
            <div className="facets" role="group" aria-label="Refine results">
              {FACET_FIELDS.map(({ key, field, label, chip }) =>
                result.facets[key].length === 0 ? null : (
                  <div key={key} className="facet-group" role="group" aria-labelledby={`facet-${key}`}>
                    <span className="facet-label" id={`facet-${key}`}>
                      {label}
                    </span>
                    {result.facets[key].slice(0, 6).map((f) => {
                      const text = facetFilter(field, f.value)
                      const on = query.includes(text)
                      return (
                        <button key={f.value} type="button" className={on ? 'chip chip-on' : 'chip'} aria-pressed={on} onClick={() => toggleFilter(text)}>
                          {chip(f.value)} <span className="chip-count">{count(f.count)}</span>
                        </button>
                      )
                    })}
                  </div>
                )
              )}
              {result.facets.entitiesCounted < result.total && result.facets.person.length + result.facets.org.length + result.facets.mentionedPlace.length > 0 && (
                <p className="facet-note">
                  People, organisations and places counted in an even sample of {count(result.facets.entitiesCounted)} of the {count(result.total)} results.
                </p>
              )}
            </div>
          )}
          {result && result.total === 0 && (
            <NoResults
              fuzzy={fuzzy}
              filtered={!!parsed && (parsed.filters.length > 0 || parsed.dates.after !== null || parsed.dates.before !== null)}
              onFuzzy={() => onFuzzy(true)}
              onHelp={() => setHelp(true)}
            />
          )}
          <ul
            className="hits"
            id="search-hits"
            ref={list}
            role="listbox"
            aria-label="Search results"
            data-answered={answered}
            data-search-ms={result?.elapsedMs}
            tabIndex={0}
            aria-activedescendant={activeHit ? `hit-${activeHit.articleId}` : undefined}
            onKeyDown={(e) => {
              if (e.ctrlKey || e.metaKey || e.altKey || !onKey(e)) return
              e.preventDefault()
              e.stopPropagation()
            }}
          >
            {hits.map((h, i) => (
              <li
                key={h.articleId}
                id={`hit-${h.articleId}`}
                data-index={i}
                role="option"
                aria-selected={h.articleId === openId}
                className={['hit-row', i === active ? 'is-active' : '', h.articleId === openId ? 'is-open' : ''].join(' ')}
                onClick={() => {
                  setActive(i)
                  openIndex(i)
                }}
              >
                <span className="row-title">{h.title}</span>
                <span className="row-meta">
                  <span className="row-outlet">{sourceLabel(h)}</span>
                  <PublishedLabel className="row-date" published={h.published} />
                </span>
                {h.snippets.map((s, k) => (
                  <SnippetText key={k} s={s} />
                ))}
              </li>
            ))}
          </ul>
          {result && hits.length < result.total && (
            <button type="button" className="more" onClick={() => setShown({ limit: limit + SEARCH_PAGE, for: searchKey })}>
              Show more ({count(result.total - hits.length)} left)
            </button>
          )}
        </>
      )}
    </section>
  )
})
