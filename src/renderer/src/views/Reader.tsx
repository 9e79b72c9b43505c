import { ChevronDown, ChevronUp, Quote, Tags, X } from 'lucide-react'
import { publisherName } from '../../../shared/article-label'
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { ChronologyEvent, Citation, PassageAnchor } from '../../../shared/chronology'
import type { Mention } from '../../../shared/entities'
import { DOUBTFUL_OCR_CONFIDENCE, type ArticleDetail } from '../../../shared/types'
import { anchorFor } from '../lib/anchor'
import { selectionEnds, selectionOffsets, selectOffsets } from '../lib/domOffsets'
import { count, languageName } from '../lib/format'
import { PublishedLabel } from '../components/PublishedLabel'
import { usePersistentState } from '../lib/persist'
import { KIND_LABELS } from './entities/KindIcon'
import { segmentText, type Range } from '../lib/highlight'
import { useReaderCaret } from '../lib/useReaderCaret'
import { useKeptSelection } from '../lib/useKeptSelection'
import { OriginalView } from './OriginalView'
import { CaptureLine } from './CaptureLine'
import { NearDuplicates } from './NearDuplicates'

/** A passage to scroll to and flash; `selectIn`: also select it once that article is shown (a name opened from its entity page). */
export interface ReaderFocus {
  start: number
  end: number
  selectIn?: number
}

/** A passage of this article cited by an event, drawn as a mark in text and margin. */
export interface ReaderCitation {
  id: number
  eventId: number
  eventTitle: string
  start: number
  end: number
  stance: 'supports' | 'contradicts'
  orphaned: boolean
}

/** The article's citations as the Reader marks them, each labelled with its event's title. */
export function readerCitations(citations: readonly Citation[], events: readonly ChronologyEvent[]): ReaderCitation[] {
  const titles = new Map(events.map((e) => [e.id, e.title]))
  return citations.map((c) => ({
    id: c.id,
    eventId: c.eventId,
    eventTitle: titles.get(c.eventId) ?? `event ${c.eventId}`,
    start: c.anchor.start,
    end: c.anchor.end,
    stance: c.stance,
    orphaned: c.orphaned
  }))
}

interface Props {
  article: ArticleDetail | null
  loading: boolean
  /** Search matches in the clean text, [start, end) offsets, in order. */
  hits: Range[]
  citations: ReaderCitation[]
  /** A passage to scroll to and flash (a clicked citation). */
  focus: ReaderFocus | null
  onOpenArticle(id: number): void
  onOpenEvent?(eventId: number): void
  /** Actions offered for a selected passage; the popover only appears when this is given. */
  selectionActions?(anchor: PassageAnchor, done: () => void): ReactNode
  /** People, organisations and places named in the text, in text order. */
  mentions?: readonly Mention[]
  onOpenEntity?(entityId: number): void
  /** Extra panels below the header (metadata editor, proposals). */
  children?: ReactNode
}

const LAYER_HIT = 0
const LAYER_ACTIVE = 1
const LAYER_SUPPORTS = 2
const LAYER_CONTRADICTS = 3
const LAYER_FOCUS = 4
const LAYER_DOUBTFUL = 5
const LAYER_MENTION = 6

const NO_MENTIONS: readonly Mention[] = []

/** The mention covering clean-text `offset`, if any (mentions are in text order and do not overlap). */
function mentionAt(mentions: readonly Mention[], offset: number): Mention | undefined {
  return mentions.find((m) => m.start <= offset && offset < m.end)
}

/** The element that explains the doubtful-word underline, named by every underlined word. */
const OCR_LEGEND_ID = 'reader-ocr-legend'

/** What App drives from shortcuts. */
export interface ReaderHandle {
  /** Moves to the next (1) or previous (-1) search match. */
  step(delta: number): void
  /** Opens the Cite popover on the selected passage with focus in it (C); false when nothing is selected. */
  cite(): boolean
}

/** Clean text with paragraph numbers, search-hit highlights, citation marks and a cite popover. */
export const Reader = forwardRef<ReaderHandle, Props>(function Reader(
  { article, loading, hits, citations, focus, onOpenArticle, onOpenEvent, selectionActions, mentions: allMentions = NO_MENTIONS, onOpenEntity, children },
  ref
) {
  const body = useRef<HTMLDivElement>(null)
  // The active match, the cite popover and the Original view belong to the article and matches
  // they were made for: a new article or a new query starts them over.
  const articleId = article?.id ?? null
  const [hitAt, setHitAt] = useState({ index: 0, hits, articleId })
  const activeHit = hitAt.hits === hits && hitAt.articleId === articleId ? hitAt.index : 0
  // `keys`: opened with C, so focus moves into it (a mouse selection leaves focus where it is).
  const [shownPopover, setPopover] = useState<{ anchor: PassageAnchor; top: number; left: number; hits: Range[]; articleId: number; keys: boolean } | null>(null)
  const popover = shownPopover && shownPopover.hits === hits && shownPopover.articleId === articleId ? shownPopover : null
  const popoverBox = useRef<HTMLDivElement>(null)
  // A selection near the right edge would push the popover past the pane: it moves left to fit.
  useLayoutEffect(() => {
    const el = popoverBox.current
    const box = body.current
    if (!el || !box || !popover) return
    const over = popover.left + el.offsetWidth - box.clientWidth
    el.style.left = `${Math.max(0, popover.left - Math.max(0, over))}px`
  }, [popover])
  const [showMentions, setShowMentions] = usePersistentState('reader.mentions', true)
  const mentions = showMentions && onOpenEntity ? allMentions : NO_MENTIONS
  const [originalOf, setOriginalOf] = useState<number | null>(null)
  const showOriginal = originalOf !== null && originalOf === articleId

  const step = useCallback(
    (d: number) => setHitAt({ index: hits.length ? (activeHit + d + hits.length) % hits.length : 0, hits, articleId }),
    [hits, activeHit, articleId]
  )

  // Only the Reader's own scroller moves: scrollIntoView would also scroll the stacked panes of a
  // narrow or zoomed window and carry the search box away while the user types in it.
  const scrollToMark = useCallback((selector: string) => {
    requestAnimationFrame(() => {
      const box = body.current
      const mark = box?.querySelector(selector)
      if (!box || !mark) return
      const at = mark.getBoundingClientRect()
      const view = box.getBoundingClientRect()
      box.scrollTop += at.top - view.top - (box.clientHeight - at.height) / 2
    })
  }, [])

  useEffect(() => {
    if (hits.length > 0) scrollToMark('.hit-active')
  }, [hits, activeHit, scrollToMark])

  useEffect(() => {
    if (focus) scrollToMark('.focus-mark')
  }, [focus, article?.id, scrollToMark])

  const layers = useMemo(() => {
    const active = hits[activeHit]
    return [
      hits,
      active ? [active] : [],
      citations.filter((c) => !c.orphaned && c.stance === 'supports').map((c) => [c.start, c.end] as Range),
      citations.filter((c) => !c.orphaned && c.stance === 'contradicts').map((c) => [c.start, c.end] as Range),
      focus ? [[focus.start, focus.end] as Range] : [],
      (article?.paragraphs ?? []).flatMap((p) => (p.doubtfulWords ?? []).map((w) => [p.start + w.start, p.start + w.end] as Range)),
      mentions.map((m) => [m.start, m.end] as Range)
    ]
  }, [hits, activeHit, citations, focus, article, mentions])
  const doubtfulCount = layers[LAYER_DOUBTFUL]!.length

  const rememberSelection = useKeptSelection(body, articleId, layers)
  // The selection lands on the passage, as if dragged over, so C cites it at once.
  const selectFocus = focus?.selectIn !== undefined && focus.selectIn === articleId ? focus : null
  useEffect(() => {
    if (selectFocus && body.current) selectOffsets(body.current, selectFocus.start, selectFocus.end)
    rememberSelection()
  }, [selectFocus, rememberSelection])

  const caret = useReaderCaret({
    body,
    article,
    onSelected: () => {
      rememberSelection()
      setPopover(null)
    }
  })
  /** A click on a mention, or Enter with the caret in one, opens its entity; a selection is left alone. */
  const openMention = (offset: number | undefined): boolean => {
    const m = offset === undefined ? undefined : mentionAt(mentions, offset)
    if (!m || !onOpenEntity) return false
    onOpenEntity(m.entityId)
    return true
  }
  const caretOffset = (): number | undefined => {
    const ends = body.current ? selectionEnds(body.current) : null
    return ends && ends.anchor === ends.focus ? ends.focus : undefined
  }
  const { announce } = caret
  /** Opens the popover on the document's selection, whether a mouse or the keyboard made it; one path for both. */
  const openPopover = useCallback(
    (keys: boolean): boolean => {
      if (!article || !body.current) return false
      const sel = selectionOffsets(body.current)
      const anchor = sel ? anchorFor(article.text, sel.start, sel.end) : null
      if (!sel || !anchor || !selectionActions) {
        setPopover(null)
        if (keys) announce('Nothing is selected to cite: hold Shift and use the arrow keys in the text to select a passage.')
        return false
      }
      const box = body.current.getBoundingClientRect()
      setPopover({ anchor, top: sel.rect.bottom - box.top + body.current.scrollTop + 6, left: Math.max(0, sel.rect.left - box.left), hits, articleId: article.id, keys })
      if (keys) announce(`Cite popover open for: ${anchor.exact}`)
      return true
    },
    [article, hits, selectionActions, announce]
  )
  useImperativeHandle(ref, () => ({ step, cite: () => openPopover(true) }), [step, openPopover])
  const popoverOpenedByKeys = popover?.keys === true
  useEffect(() => {
    if (popoverOpenedByKeys) body.current?.querySelector<HTMLElement>('.cite-popover .primary')?.focus()
  }, [popoverOpenedByKeys, popover?.anchor])

  if (!article) {
    return (
      <section className="pane reader" aria-label="Reader">
        {loading ? <p className="empty">Opening…</p> : <Welcome />}
      </section>
    )
  }

  return (
    <section className="pane reader" aria-label="Reader">
      <div
        className="reader-scroll"
        ref={body}
        tabIndex={0}
        aria-describedby="reader-keys"
        onMouseDown={caret.release}
        onMouseUp={(e) => {
          // A press on the popover's own buttons ends here too; the popover already holds its
          // passage, and a selection lost meanwhile (a refresh re-rendered the text) must not
          // close it under the button, which would swallow the click.
          if ((e.target as Element).closest?.('.cite-popover')) return
          openPopover(false)
        }}
        onClick={(e) => {
          const at = (e.target as Element).closest?.('[data-mention]')?.getAttribute('data-mention')
          if (at && caretOffset() !== undefined) openMention(Number(at))
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.target === body.current && openMention(caretOffset())) {
            e.preventDefault()
            return
          }
          caret.onKeyDown(e)
        }}
      >
        <p id="reader-keys" className="visually-hidden">
          Arrow keys move a caret by word, Shift with arrows selects, C cites the selection, Enter on a name opens its page. Press ? for all keys.
        </p>
        <p className="visually-hidden" aria-live="polite">
          {caret.announcement}
        </p>
        {caret.caret && <span className="reader-caret" aria-hidden="true" style={{ top: caret.caret.top, left: caret.caret.left, height: caret.caret.height }} />}
        <article className="reader-article" aria-labelledby="reader-title">
          <header className="reader-head">
            <h2 className="reader-title" id="reader-title">
              {article.title}
            </h2>
            {article.dek && <p className="reader-dek">{article.dek}</p>}
            <p className="reader-meta">
              {/* The file name below says where the copy came from; it never stands in for the outlet. */}
              {[publisherName(article), article.byline, article.place].filter(Boolean).join(' · ')}
              {publisherName(article) || article.byline || article.place ? ' · ' : ''}
              <PublishedLabel published={article.published} />
              {' · '}
              <span title="Dates in the text are read in this language; change it in Edit details">{languageName(article.language)}</span>
              {' · '}
              {count(article.words)} words
              {article.file && <> · <span className="file-name">{article.file.name}</span></>}
            </p>
            <CaptureLine article={article} onOpenArticle={onOpenArticle} />
            {article.ocrConfidence !== undefined && (
              <p className="reader-ocr" id={OCR_LEGEND_ID} data-testid="ocr-legend">
                Read from page images by OCR, mean word confidence {Math.round(article.ocrConfidence)}%.
                {doubtfulCount > 0 && (
                  <>
                    {' '}
                    <span className="ocr-doubtful">{count(doubtfulCount)}</span>{' '}
                    {doubtfulCount === 1 ? 'word with a dotted underline was' : 'words with a dotted underline were'} read with less than{' '}
                    {DOUBTFUL_OCR_CONFIDENCE}% confidence: check {doubtfulCount === 1 ? 'it' : 'them'} against the original before quoting.
                  </>
                )}
              </p>
            )}
            <NearDuplicates key={article.id} nearDuplicates={article.nearDuplicates} onOpenArticle={onOpenArticle} />
            {hits.length > 0 && (
              <div className="hit-nav" role="group" aria-label="Search matches">
                <span aria-live="polite">
                  Match {activeHit + 1} of {hits.length}
                </span>
                <button type="button" onClick={() => step(-1)} aria-label="Previous match" title="Previous match (Shift+F3)">
                  <ChevronUp />
                </button>
                <button type="button" onClick={() => step(1)} aria-label="Next match" title="Next match (F3)">
                  <ChevronDown />
                </button>
              </div>
            )}
            {article.file && (
              <div className="segmented view-toggle" role="group" aria-label="Show">
                <button type="button" aria-pressed={!showOriginal} onClick={() => setOriginalOf(null)}>
                  Clean text
                </button>
                <button type="button" aria-pressed={showOriginal} onClick={() => setOriginalOf(article.id)}>
                  Original
                </button>
              </div>
            )}
            {onOpenEntity && allMentions.length > 0 && (
              <button type="button" className="mention-toggle" aria-pressed={showMentions} onClick={() => setShowMentions(!showMentions)} title="People, organisations and places named in the text: click one (or put the caret on it and press Enter) to open it">
                <Tags /> Names {count(allMentions.length)}
              </button>
            )}
            {children}
          </header>
          {showOriginal ? (
            <OriginalView articleId={article.id} />
          ) : (
          <div className="reader-body">
            {article.paragraphs.map((p) => {
              const here = citations.filter((c) => !c.orphaned && c.start < p.end && c.end > p.start)
              return (
                <p key={p.ordinal} className="paragraph" data-ordinal={p.ordinal} id={`para-${p.ordinal}`}>
                  <span className="ordinal" aria-hidden="true">
                    {p.ordinal}
                  </span>
                  <span className="ptext" data-text-start={p.start}>
                    {segmentText(p.text, p.start, layers).map((seg) => renderSegment(seg.text, seg.start, seg.marks, mentions))}
                  </span>
                  {here.length > 0 && (
                    <span className="margin-marks">
                      {here.map((c) => (
                        <button
                          key={c.id}
                          type="button"
                          className={`margin-mark stance-${c.stance}`}
                          title={`${c.stance === 'contradicts' ? 'Contradicts' : 'Cited in'}: ${c.eventTitle}`}
                          aria-label={`Citation: ${c.eventTitle} (${c.stance})`}
                          onClick={() => onOpenEvent?.(c.eventId)}
                        >
                          {c.stance === 'contradicts' ? <X /> : <Quote />}
                        </button>
                      ))}
                    </span>
                  )}
                </p>
              )
            })}
          </div>
          )}
        </article>
        {popover && selectionActions && (
          <div className="cite-popover" ref={popoverBox} role="dialog" aria-label="Cite selection" style={{ top: popover.top, left: popover.left }}>
            {selectionActions(popover.anchor, () => {
              setPopover(null)
              window.getSelection()?.removeAllRanges()
              rememberSelection()
            })}
          </div>
        )}
      </div>
    </section>
  )
})

/** What the Reader shows before anything is open: the whole workflow in four steps. */
function Welcome(): React.JSX.Element {
  return (
    <div className="welcome">
      <h2>From articles to a chronology you can defend</h2>
      <ol>
        <li>
          <strong>Find.</strong> Search as you type (<kbd>Ctrl</kbd> <kbd>K</kbd>); switch on <em>Fuzzy</em> to catch other spellings of a name.
        </li>
        <li>
          <strong>Read.</strong> Open an article from the list (<kbd>↑</kbd> <kbd>↓</kbd> then <kbd>Enter</kbd>); matches are highlighted.
        </li>
        <li>
          <strong>Cite.</strong> Select the sentence that proves a fact and choose <em>Cite → new event</em> (or press <kbd>C</kbd>). Give
          the event a date as precise as the source allows.
        </li>
        <li>
          <strong>Export.</strong> <em>Export…</em> writes the chronology as Markdown with a footnote quoting every source, or as CSV,
          JSON or TimelineJS.
        </li>
      </ol>
      <p className="muted">
        Press <kbd>?</kbd> for every keyboard shortcut. Drop files or folders anywhere in the window to add your own articles.
      </p>
    </div>
  )
}

function renderSegment(text: string, start: number, marks: number[], mentions: readonly Mention[]): ReactNode {
  if (marks.length === 0) return text
  const cls: string[] = []
  // A mention keeps its own element (data-mention: the clean-text offset, to find it on a click); its text is unchanged, so offsets read back from the DOM are too.
  const mention = marks.includes(LAYER_MENTION) ? mentionAt(mentions, start) : undefined
  const named = mention ? { 'data-mention': start, title: `${KIND_LABELS[mention.kind].one}: ${mention.name}` } : {}
  if (mention) cls.push('mention', `mention-${mention.kind}`)
  if (marks.includes(LAYER_SUPPORTS)) cls.push('cited')
  if (marks.includes(LAYER_CONTRADICTS)) cls.push('cited-contra')
  if (marks.includes(LAYER_FOCUS)) cls.push('focus-mark')
  const doubtful = marks.includes(LAYER_DOUBTFUL)
  if (doubtful) cls.push('ocr-doubtful')
  const explain = { ...named, ...(doubtful ? { title: 'OCR was unsure of this word: check it against the original', 'aria-describedby': OCR_LEGEND_ID } : {}) }
  if (marks.includes(LAYER_HIT)) {
    cls.push('hit')
    if (marks.includes(LAYER_ACTIVE)) cls.push('hit-active')
    return (
      <mark key={start} className={cls.join(' ')} {...explain}>
        {text}
      </mark>
    )
  }
  return (
    <span key={start} className={cls.join(' ')} {...explain}>
      {text}
    </span>
  )
}
