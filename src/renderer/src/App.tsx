import { useCallback, useEffect, useRef, useState } from 'react'
import type { Citation, PassageAnchor, PassageDate, Stance } from '../../shared/chronology'
import type { ArchiveInfo, ArticleSort } from '../../shared/types'
import { tagQuery } from '../../shared/article-tags'
import { api, host } from './api/client'
import { searchBackend } from './api/features'
import { DropZone, filesToBlobs } from './components/DropZone'
import { ImportStatus } from './components/ImportStatus'
import { ArchiveMenu } from './components/ArchiveMenu'
import { ShortcutsOverlay } from './components/ShortcutsOverlay'
import { SplitPanes } from './components/SplitPanes'
import { usePersistentState } from './lib/persist'
import { useArticlePages } from './lib/useArticlePages'
import { useDeleteArticles } from './lib/useDeleteArticles'
import { useImport } from './lib/useImport'
import { useShortcuts } from './lib/useShortcuts'
import { useOpenArticle } from './lib/useOpenArticle'
import { ArticleMeta } from './views/ArticleMeta'
import { ChronologyPane } from './views/chronology/ChronologyPane'
import { CiteActions } from './views/chronology/CiteActions'
import { Proposals } from './views/chronology/Proposals'
import { useChronology } from './views/chronology/useChronology'
import { ExportDialog } from './views/ExportDialog'
import { Library, type ListHandle } from './views/Library'
import { Reader, type ReaderCitation, type ReaderHandle } from './views/Reader'
import { SearchPane } from './views/search/SearchPane'

/** A title for an event made from a quote: its first words, cut at a word boundary. */
function titleFromQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim()
  if (flat.length <= 80) return flat.replace(/[.,;:]$/, '')
  return `${flat.slice(0, 80).replace(/\s+\S*$/, '')}…`
}

/** The three-pane workbench: Library/Search, Reader, Chronology/Timeline. */
export function App(): React.JSX.Element {
  const [version, setVersion] = useState(0)
  const [info, setInfo] = useState<ArchiveInfo | null>(null)
  const [sort, setSort] = usePersistentState<ArticleSort>('library.sort', 'imported')
  const [order, setOrder] = usePersistentState<'asc' | 'desc'>('library.order', 'desc')
  const [openId, setOpenId] = usePersistentState<number | null>('reader.open', null)
  const [help, setHelp] = useState(false)
  const [exporting, setExporting] = useState(false)
  const [hintDismissed, setHintDismissed] = usePersistentState('hint.drop.dismissed', false)
  const [query, setQuery] = usePersistentState('search.query', '')
  const [fuzzy, setFuzzy] = usePersistentState('search.fuzzy', false)
  const [focus, setFocus] = useState<{ start: number; end: number } | null>(null)
  const [selectedEvent, setSelectedEvent] = useState<number | null>(null)
  const [editingEvent, setEditingEvent] = useState<number | null>(null)
  const [dateHints, setDateHints] = useState(new Map<number, PassageDate[]>())
  const selection = useRef<PassageAnchor | null>(null)
  const library = useRef<ListHandle>(null)
  const results = useRef<ListHandle>(null)
  const reader = useRef<ReaderHandle>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)

  const changed = useCallback(() => setVersion((v) => v + 1), [])
  const pages = useArticlePages(sort, order, version)
  const importer = useImport(changed)
  const chronology = useChronology()
  const { revision } = chronology
  const forgetOpen = useCallback(() => setOpenId(null), [setOpenId])
  const { article, setArticle, loading: loadingArticle, hits, citations } = useOpenArticle(openId, query, fuzzy, version, revision, forgetOpen)

  useEffect(() => {
    void api.getArchiveInfo({}).then(setInfo)
  }, [version, revision])

  // The Library's event badges follow chronology edits.
  useEffect(() => {
    if (revision > 0) changed()
  }, [revision, changed])

  const open = useCallback(
    (id: number) => {
      setFocus(null)
      setOpenId(id)
    },
    [setOpenId]
  )

  // Stable (a state setter), so effects that report errors do not rerun on every render.
  const [problem, setProblem] = useState<string | null>(null)
  const reportError = useCallback((message: string) => setProblem(message), [])
  const attempt = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await fn()
      } catch (err) {
        reportError(err instanceof Error ? err.message : String(err))
        return undefined
      }
    },
    [reportError]
  )

  const citeNew = useCallback(
    async (anchor: PassageAnchor, stance: Stance) => {
      if (!article) return
      // A date the text itself gives around this passage beats the article's publication date,
      // which is taken with its doubt: a guessed year (`2024-03-17?`) stays a guess in the event.
      const written = await attempt(() => api.datesForPassage({ articleId: article.id, start: anchor.start, end: anchor.end }))
      const date = written?.[0]?.date.edtf ?? article.published?.edtf ?? `${new Date().getFullYear()}?`
      const event = await attempt(() =>
        api.createEvent({
          title: titleFromQuote(anchor.exact),
          date,
          ...(chronology.chronologyId !== null ? { chronologyIds: [chronology.chronologyId] } : {}),
          citations: [{ articleId: article.id, start: anchor.start, end: anchor.end, stance }]
        })
      )
      if (event) {
        if (written && written.length > 0) setDateHints((m) => new Map(m).set(event.id, written))
        setSelectedEvent(event.id)
        setEditingEvent(event.id)
      }
    },
    [article, attempt, chronology.chronologyId]
  )

  const citeInto = useCallback(
    async (eventId: number, anchor: PassageAnchor, stance: Stance) => {
      if (!article) return
      const c = await attempt(() => api.addCitation({ eventId, articleId: article.id, start: anchor.start, end: anchor.end, stance }))
      if (c) setSelectedEvent(eventId)
    },
    [article, attempt]
  )

  const openCitation = useCallback(
    (c: Citation) => {
      setSelectedEvent(c.eventId)
      setOpenId(c.articleId)
      setFocus(c.orphaned ? null : { start: c.anchor.start, end: c.anchor.end })
    },
    [setOpenId]
  )

  const undo = useCallback(() => void attempt(() => api.undo({})), [attempt])

  const archiveSwitched = useCallback(() => {
    setOpenId(null)
    setSelectedEvent(null)
    setEditingEvent(null)
    setQuery('')
    changed()
    chronology.reload()
  }, [setOpenId, setQuery, changed, chronology])

  // Another window, the menu or the CLI may switch the archive under us.
  const switchedRef = useRef(archiveSwitched)
  switchedRef.current = archiveSwitched
  useEffect(() => api.onArchiveChanged(() => switchedRef.current()), [])

  const { deleteArticles, notice: deleteNotice } = useDeleteArticles({
    openId,
    onOpenDeleted: forgetOpen,
    onChanged: changed,
    onError: reportError,
    attempt
  })
  const redo = useCallback(() => void attempt(() => api.redo({})), [attempt])
  const searchTag = useCallback((name: string) => setQuery(tagQuery(name)), [setQuery])

  useShortcuts({
    focusSearch: () => {
      const box = document.getElementById('search-input') as HTMLInputElement | null
      box?.focus()
      box?.select()
    },
    move: (d) => {
      const list = query ? results.current : library.current
      list?.focus()
      list?.move(d)
    },
    open: () => (query ? results.current : library.current)?.openActive(),
    cite: () => {
      if (selection.current) void citeNew(selection.current, 'supports')
    },
    editEvent: () => {
      if (selectedEvent !== null) setEditingEvent(selectedEvent)
    },
    undo,
    redo,
    nextHit: (d) => reader.current?.step(d),
    help: () => setHelp(true)
  })

  const chooseImport = async (): Promise<void> => {
    if (host.kind === 'electron') {
      const paths = await host.chooseImportPaths()
      if (paths.length) await importer.importPaths(paths)
    } else fileInput.current?.click()
  }

  const onInputFiles = async (e: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const files = Array.from(e.target.files ?? [])
    e.target.value = ''
    if (files.length) await importer.importBlobs(await filesToBlobs(files))
  }

  // Menu commands from the desktop host (File > Import…, Open Archive…, Export…).
  useEffect(() => {
    if (host.kind !== 'electron') return
    const desktop = host
    return desktop.onMenuCommand((command) => {
      if (command === 'import') void chooseImport()
      else if (command === 'export') setExporting(true)
      else if (command === 'find') document.getElementById('search-input')?.focus()
      else if (command === 'shortcuts') setHelp(true)
      else if (command === 'open-archive') {
        void desktop.chooseArchiveDir().then(async (path) => {
          if (path && (await attempt(() => api.openArchive({ path })))) archiveSwitched()
        })
      }
    })
  })

  const readerCitations: ReaderCitation[] = citations.map((c) => ({
    id: c.id,
    eventId: c.eventId,
    eventTitle: chronology.allEvents.find((e) => e.id === c.eventId)?.title ?? `event ${c.eventId}`,
    start: c.anchor.start,
    end: c.anchor.end,
    stance: c.stance,
    orphaned: c.orphaned
  }))

  const showHint = !hintDismissed && !importer.state.running
  return (
    <DropZone
      onPaths={(paths) => void importer.importPaths(paths)}
      onBlobs={(files) => {
        setHintDismissed(true)
        void importer.importBlobs(files)
      }}
      onError={importer.fail}
    >
      <div className="workbench">
        <header className="topbar">
          <h1 className="brand">Annalist</h1>
          <ArchiveMenu info={info} onSwitched={archiveSwitched} onError={reportError} />
          <span className="topbar-spacer" />
          <button type="button" onClick={() => void chooseImport()}>
            Import files…
          </button>
          {host.kind === 'browser' && (
            <button type="button" onClick={() => folderInput.current?.click()}>
              Import folder…
            </button>
          )}
          <button type="button" onClick={() => setExporting(true)}>
            Export…
          </button>
          <button type="button" className="icon-button" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
            ?
          </button>
          <input ref={fileInput} type="file" multiple hidden onChange={(e) => void onInputFiles(e)} aria-hidden="true" tabIndex={-1} />
          <input
            ref={folderInput}
            type="file"
            multiple
            hidden
            onChange={(e) => void onInputFiles(e)}
            aria-hidden="true"
            tabIndex={-1}
            {...{ webkitdirectory: '' }}
          />
        </header>
        {problem && (
          <div className="problem" role="alert">
            <span>{problem}</span>
            <button type="button" className="icon-button" onClick={() => setProblem(null)} aria-label="Dismiss message">
              ✕
            </button>
          </div>
        )}
        {showHint && (
          <div className="hint" role="note">
            <span>
              <strong>Drop your own articles here</strong> — text, web pages, PDFs, Word files or e-mails, or whole folders. They stay on
              this computer.
            </span>
            <button type="button" className="link-button" onClick={() => setHintDismissed(true)}>
              Got it
            </button>
          </div>
        )}
        <main className="panes">
          <SplitPanes id="main" initial={[0.27, 0.43, 0.3]} labels={['Library', 'Reader', 'Chronology']}>
            <SearchPane
              ref={results}
              backend={searchBackend}
              query={query}
              onQuery={setQuery}
              fuzzy={fuzzy}
              onFuzzy={setFuzzy}
              openId={openId}
              onOpen={open}
              revision={version}
            >
              <Library
                ref={library}
                pages={pages}
                sort={sort}
                order={order}
                onSort={(s, o) => {
                  setSort(s)
                  setOrder(o)
                }}
                openId={openId}
                onOpen={open}
                onDelete={deleteArticles}
                notice={deleteNotice}
                onTagSearch={searchTag}
              />
            </SearchPane>
            <Reader
              ref={reader}
              article={article}
              loading={loadingArticle}
              hits={hits}
              citations={readerCitations}
              focus={focus}
              onOpenArticle={open}
              onOpenEvent={(id) => setSelectedEvent(id)}
              onSelectionChange={(a) => {
                selection.current = a
              }}
              selectionActions={(anchor, done) => (
                <CiteActions
                  anchor={anchor}
                  events={chronology.allEvents}
                  selectedEventId={selectedEvent}
                  onNewEvent={(a, s) => void citeNew(a, s)}
                  onAddToEvent={(id, a, s) => void citeInto(id, a, s)}
                  onDone={done}
                />
              )}
            >
              {article && (
                <>
                  <ArticleMeta key={`${article.id}-${article.updatedAt}`} article={article} onTagSearch={searchTag} onSaved={(a) => {
                    setArticle(a)
                    changed()
                  }} />
                  <Proposals
                    articleId={article.id}
                    revision={revision + version}
                    chronologyId={chronology.chronologyId}
                    events={chronology.allEvents}
                    onFocus={setFocus}
                    onAccepted={(id) => setSelectedEvent(id)}
                    onError={reportError}
                  />
                </>
              )}
            </Reader>
            <ChronologyPane
              data={chronology}
              selectedId={selectedEvent}
              onSelect={setSelectedEvent}
              editingId={editingEvent}
              onEditing={setEditingEvent}
              onOpenCitation={openCitation}
              onUndo={undo}
              onRedo={redo}
              dateHints={dateHints}
            />
          </SplitPanes>
        </main>
        <ImportStatus state={importer.state} onCancel={importer.cancel} onDismiss={importer.dismiss} onOpenArticle={open} />
        {help && <ShortcutsOverlay onClose={() => setHelp(false)} />}
        {exporting && <ExportDialog chronologyId={chronology.chronologyId} onClose={() => setExporting(false)} />}
      </div>
    </DropZone>
  )
}
