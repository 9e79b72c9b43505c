import { ArrowDownWideNarrow, ArrowUpNarrowWide, CalendarDays, Copy, Inbox } from 'lucide-react'
import { sourceLabel } from '../../../shared/article-label'
import { forwardRef, useCallback, useRef, useState } from 'react'
import type { ArticleSort, ArticleSummary } from '../../../shared/types'
import { VirtualList, type VirtualListHandle } from '../components/VirtualList'
import { count } from '../lib/format'
import { PublishedLabel } from '../components/PublishedLabel'
import type { ArticlePages } from '../lib/useArticlePages'
import type { DeleteNotice } from '../lib/useDeleteArticles'
import { useListNavigation, type ListHandle } from '../lib/useListNavigation'
import { TagSelectionForm } from './TagSelectionForm'

export const LIBRARY_ROW_HEIGHT = 58

const SORTS: { value: ArticleSort; label: string }[] = [
  { value: 'imported', label: 'Imported' },
  { value: 'published', label: 'Published' },
  { value: 'title', label: 'Title' },
  { value: 'outlet', label: 'Outlet' },
  { value: 'words', label: 'Length' }
]

interface Props {
  pages: ArticlePages
  sort: ArticleSort
  order: 'asc' | 'desc'
  onSort(sort: ArticleSort, order: 'asc' | 'desc'): void
  openId: number | null
  onOpen(id: number): void
  /** Deletes articles (one undoable action); resolves once done. */
  onDelete(ids: number[]): Promise<void>
  /** "Deleted 3 articles" with an Undo action, shown after a delete until the next change. */
  notice: DeleteNotice | null
  /** Runs the search for a tag (a row's tag chip was clicked). */
  onTagSearch(name: string): void
}

/**
 * Badges shared by Library rows and search hits. Tag chips run their tag's search on click; they
 * stay out of the tab order because rows are listbox options, whose content must not be
 * interactive for screen readers (the Reader's tag chips are the keyboard path).
 */
export function ArticleBadges({ a, onTag }: { a: ArticleSummary; onTag?(name: string): void }): React.JSX.Element {
  return (
    <span className="badges">
      {a.duplicateOf !== null && (
        <span className="badge badge-dup" title="Same text as an article imported earlier">
          duplicate
        </span>
      )}
      {a.nearDuplicateCount > 0 && (
        <span className="badge badge-near" title={`Shares paragraphs with ${a.nearDuplicateCount} other article(s)`}>
          <Copy /> {a.nearDuplicateCount}
          <span className="visually-hidden"> near-duplicate{a.nearDuplicateCount === 1 ? '' : 's'}</span>
        </span>
      )}
      {a.eventCount > 0 && (
        <span className="badge badge-events" title={`Cited by ${a.eventCount} event(s)`}>
          <CalendarDays /> {a.eventCount}
          <span className="visually-hidden"> event{a.eventCount === 1 ? '' : 's'}</span>
        </span>
      )}
      {a.tags.map((t) => (
        <span
          key={t}
          className={onTag ? 'badge badge-tag tag-chip' : 'badge badge-tag'}
          title={onTag ? `Search tag:${t}` : undefined}
          onClick={
            onTag
              ? (e) => {
                  e.stopPropagation()
                  onTag(t)
                }
              : undefined
          }
        >
          {t}
        </span>
      ))}
    </span>
  )
}

/** The archive's articles: sortable, windowed (100,000 rows stay smooth), multi-select. */
export const Library = forwardRef<ListHandle, Props>(function Library({ pages, sort, order, onSort, openId, onOpen, onDelete, notice, onTagSearch }, ref) {
  const list = useRef<VirtualListHandle>(null)
  const [selected, setSelected] = useState<Set<number>>(new Set())
  // A tag form or notice belongs to the selection it was made for.
  const [taggingFor, setTaggingFor] = useState<Set<number> | null>(null)
  const [notified, setNotified] = useState<{ for: Set<number>; text: string } | null>(null)
  const tagging = taggingFor === selected && selected.size > 0
  const tagNotice = notified?.for === selected ? notified.text : null
  const tagButton = useRef<HTMLButtonElement>(null)
  const anchor = useRef(0)

  const idAt = (i: number): number | undefined => pages.at(i)?.id
  const scrollTo = useCallback((i: number) => {
    anchor.current = i
    list.current?.scrollToIndex(i)
  }, [])
  const focus = useCallback(() => list.current?.focus(), [])
  const { active, setActive, moveTo, onKey } = useListNavigation({ count: pages.total, idAt, onOpen, scrollTo, focus, resetKey: `${sort} ${order}` }, ref)

  const onRowClick = (index: number, e: React.MouseEvent): void => {
    const a = pages.at(index)
    if (!a) return
    if (e.metaKey || e.ctrlKey) {
      setSelected((prev) => {
        const next = new Set(prev)
        if (next.has(a.id)) next.delete(a.id)
        else next.add(a.id)
        return next
      })
      setActive(index)
      anchor.current = index
      return
    }
    if (e.shiftKey) {
      const [lo, hi] = anchor.current < index ? [anchor.current, index] : [index, anchor.current]
      const next = new Set<number>()
      for (let i = lo; i <= hi; i++) {
        const row = pages.at(i)
        if (row) next.add(row.id)
      }
      setSelected(next)
      setActive(index)
      return
    }
    setSelected(new Set())
    moveTo(index)
    onOpen(a.id)
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const k = e.key
    // Modified keys are the window's shortcuts (Ctrl+K, Ctrl+Z), except select-all here.
    if ((e.ctrlKey || e.metaKey || e.altKey) && !(k === 'a' && (e.ctrlKey || e.metaKey))) return
    const modified = e.ctrlKey || e.metaKey
    if (!modified && onKey(e)) {
      e.preventDefault()
      e.stopPropagation()
      return
    }
    if (k === 'PageDown') moveTo(active + 10)
    else if (k === 'PageUp') moveTo(active - 10)
    else if (k === 'Home') moveTo(0)
    else if (k === 'End') moveTo(pages.total - 1)
    else if (k === ' ') {
      const a = pages.at(active)
      if (!a) return
      setSelected((prev) => {
        const next = new Set(prev)
        if (next.has(a.id)) next.delete(a.id)
        else next.add(a.id)
        return next
      })
    } else if (k === 'a' && (e.metaKey || e.ctrlKey)) {
      const all = new Set<number>()
      for (let i = 0; i < pages.total; i++) {
        const row = pages.at(i)
        if (row) all.add(row.id)
      }
      setSelected(all)
    } else if (k === 'Escape') setSelected(new Set())
    else if (k === 'Delete') {
      const a = pages.at(active)
      const ids = selected.size > 0 ? [...selected] : a ? [a.id] : []
      if (ids.length) void onDelete(ids).then(() => setSelected(new Set()))
    } else return
    e.preventDefault()
    e.stopPropagation()
  }

  const activeArticle = pages.at(active)
  return (
    <div className="library-body">
      <div className="pane-head">
        <h2 className="pane-title">
          Library <span className="count">{count(pages.total)}</span>
        </h2>
        <label className="sort">
          <span className="visually-hidden">Sort by</span>
          <select value={sort} onChange={(e) => onSort(e.target.value as ArticleSort, order)} aria-label="Sort articles by">
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="icon-button"
          onClick={() => onSort(sort, order === 'asc' ? 'desc' : 'asc')}
          aria-label={order === 'asc' ? 'Ascending; switch to descending' : 'Descending; switch to ascending'}
          title={order === 'asc' ? 'Ascending' : 'Descending'}
        >
          {order === 'asc' ? <ArrowUpNarrowWide /> : <ArrowDownWideNarrow />}
        </button>
      </div>
      {selected.size > 0 && (
        <div className="selection-bar" role="status">
          {count(selected.size)} selected
          {tagNotice && <span className="tag-notice">{tagNotice}</span>}
          <button
            ref={tagButton}
            type="button"
            aria-expanded={tagging}
            onClick={() => {
              setNotified(null)
              setTaggingFor(tagging ? null : selected)
            }}
          >
            Tag…
          </button>
          <button type="button" onClick={() => void onDelete([...selected]).then(() => setSelected(new Set()))}>
            Delete
          </button>
          <button type="button" className="link-button" onClick={() => setSelected(new Set())}>
            Clear
          </button>
        </div>
      )}
      {tagging && (
        <TagSelectionForm
          ids={[...selected]}
          onDone={(message) => {
            setTaggingFor(null)
            setNotified({ for: selected, text: message })
            tagButton.current?.focus()
          }}
          onCancel={() => {
            setTaggingFor(null)
            tagButton.current?.focus()
          }}
        />
      )}

      {notice && (
        <div className="selection-bar" role="status">
          {notice.text}
          <button type="button" className="link-button" onClick={notice.undo}>
            Undo
          </button>
        </div>
      )}
      {pages.loaded && pages.total === 0 ? (
        <div className="empty-state" data-testid="library-empty">
          <Inbox className="icon empty-icon" />
          <p className="empty-title">No articles yet</p>
          <p>
            Drop news articles anywhere in this window — web pages you saved (.html), PDFs, Word files (.docx), e-mails (.eml), Markdown or
            plain text, one file or whole folders — or choose <strong>Import files…</strong> at the top.
          </p>
          <p className="muted">Each article keeps its original file; dates, outlet and dateline are read from it and can be corrected.</p>
        </div>
      ) : (
        <VirtualList
          ref={list}
          count={pages.total}
          rowHeight={LIBRARY_ROW_HEIGHT}
          onRange={pages.ensure}
          className="article-list"
          role="listbox"
          ariaLabel="Articles"
          ariaMultiselectable
          ariaActiveDescendant={activeArticle ? `article-row-${activeArticle.id}` : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          renderRow={(i, style) => {
            const a = pages.at(i)
            if (!a) {
              return <div key={`loading-${i}`} className="lib-row lib-row-loading" style={style} aria-hidden="true" />
            }
            const cls = ['lib-row', i === active ? 'is-active' : '', a.id === openId ? 'is-open' : '', selected.has(a.id) ? 'is-selected' : '']
            return (
              <div
                key={a.id}
                id={`article-row-${a.id}`}
                role="option"
                aria-selected={selected.has(a.id) || a.id === openId}
                aria-posinset={i + 1}
                aria-setsize={pages.total}
                className={cls.join(' ')}
                style={style}
                onClick={(e) => onRowClick(i, e)}
                onMouseDown={(e) => {
                  // A Shift- or Ctrl-click picks rows; without this it also selects the rows' text.
                  if (e.shiftKey || e.metaKey || e.ctrlKey) {
                    e.preventDefault()
                    focus()
                  }
                }}
              >
                {/* Badges share the title's line, so a narrow pane cuts the title (shown in full in the Reader) and never the outlet. */}
                <span className="row-line">
                  <span className="row-title">{a.title}</span>
                  <ArticleBadges a={a} onTag={onTagSearch} />
                </span>
                <span className="row-meta">
                  <span className="row-outlet">{sourceLabel(a)}</span>
                  <PublishedLabel className="row-date" published={a.published} />
                  <span className="row-words">{count(a.words)} w</span>
                </span>
              </div>
            )
          }}
        />
      )}
    </div>
  )
})
