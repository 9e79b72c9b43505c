import { useCallback, useRef, useState } from 'react'
import type { Citation } from '../../shared/chronology'
import type { EntitySummary } from '../../shared/entities'
import type { ArticleSort } from '../../shared/types'
import { tagQuery } from '../../shared/article-tags'
import { ConnectionBanner } from './components/ConnectionBanner'
import { DropHint } from './components/DropHint'
import { DropZone } from './components/DropZone'
import { ImportStatus } from './components/ImportStatus'
import { ProblemBar } from './components/ProblemBar'
import { ShortcutsOverlay } from './components/ShortcutsOverlay'
import { SplitPanes } from './components/SplitPanes'
import { chooseImportPaths, TopBar } from './components/TopBar'
import { useApiMutation } from './data/hooks'
import { usePersistentState } from './lib/persist'
import { useArchiveSwitch } from './lib/useArchiveSwitch'
import { useArticlePages } from './lib/useArticlePages'
import { useCiting } from './lib/useCiting'
import { useDeleteArticles } from './lib/useDeleteArticles'
import { useDesktopMenu } from './lib/useDesktopMenu'
import { useImport } from './lib/useImport'
import type { ListHandle } from './lib/useListNavigation'
import { useOpenArticle } from './lib/useOpenArticle'
import { useShortcuts } from './lib/useShortcuts'
import { ArticleMeta } from './views/ArticleMeta'
import { ChronologyPane } from './views/chronology/ChronologyPane'
import { CiteActions } from './views/chronology/CiteActions'
import { Proposals } from './views/chronology/Proposals'
import { NO_FILTERS, useChronology } from './views/chronology/useChronology'
import { EntitiesView } from './views/entities/EntitiesView'
import { EntityPage } from './views/entities/EntityPage'
import { ExportDialog } from './views/ExportDialog'
import { LeftPane, type LeftView } from './views/LeftPane'
import { MapView } from './views/map/MapView'
import { Library } from './views/Library'
import { readerCitations, Reader, type ReaderFocus, type ReaderHandle } from './views/Reader'
import { SearchPane } from './views/search/SearchPane'

/** The three-pane workbench: Library/Search, Reader, Chronology/Timeline. */
export function App(): React.JSX.Element {
  const [sort, setSort] = usePersistentState<ArticleSort>('library.sort', 'imported')
  const [order, setOrder] = usePersistentState<'asc' | 'desc'>('library.order', 'desc')
  const [openId, setOpenId] = usePersistentState<number | null>('reader.open', null)
  const [help, setHelp] = useState(false)
  const [exporting, setExporting] = useState(false)
  const [hintDismissed, setHintDismissed] = usePersistentState('hint.drop.dismissed', false)
  const [query, setQuery] = usePersistentState('search.query', '')
  const [fuzzy, setFuzzy] = usePersistentState('search.fuzzy', false)
  const [focus, setFocus] = useState<ReaderFocus | null>(null)
  const [selectedEvent, setSelectedEvent] = useState<number | null>(null)
  const [editingEvent, setEditingEvent] = useState<number | null>(null)
  const [leftView, setLeftView] = usePersistentState<LeftView>('left.view', 'articles')
  const [entityId, setEntityId] = usePersistentState<number | null>('entity.open', null)
  const library = useRef<ListHandle>(null)
  const results = useRef<ListHandle>(null)
  const entities = useRef<ListHandle>(null)
  const reader = useRef<ReaderHandle>(null)

  const pages = useArticlePages(sort, order)
  const importer = useImport()
  const chronology = useChronology()
  const forgetOpen = useCallback(() => setOpenId(null), [setOpenId])
  const { article, loading, hits, citations, mentions } = useOpenArticle(openId, query, fuzzy, forgetOpen)
  const { deleteArticles, notice } = useDeleteArticles(openId, forgetOpen)
  const onCited = useCallback((eventId: number, created: boolean) => {
    setSelectedEvent(eventId)
    if (created) setEditingEvent(eventId)
  }, [])
  const citing = useCiting({ article, chronologyId: chronology.chronologyId, onCited })
  const { run: undo } = useApiMutation('undo')
  const { run: redo } = useApiMutation('redo')

  const open = useCallback(
    (id: number) => {
      setFocus(null)
      setOpenId(id)
    },
    [setOpenId]
  )
  const openPassage = useCallback(
    (articleId: number, start: number, end: number) => {
      setOpenId(articleId)
      setFocus({ start, end, selectIn: articleId })
    },
    [setOpenId]
  )
  const openEntity = useCallback(
    (id: number) => {
      setEntityId(id)
      setLeftView('entities')
    },
    [setEntityId, setLeftView]
  )
  const setChronologyFilters = chronology.setFilters
  const filterByEntity = useCallback((e: EntitySummary) => setChronologyFilters({ ...NO_FILTERS, entityId: String(e.id), entityName: e.name }), [setChronologyFilters])
  const openCitation = useCallback(
    (c: Citation) => {
      setSelectedEvent(c.eventId)
      setOpenId(c.articleId)
      setFocus(c.orphaned ? null : { start: c.anchor.start, end: c.anchor.end })
    },
    [setOpenId]
  )
  // Another archive (from here, the menu, another window or the CLI): ArchiveGate mounts the
  // workbench afresh with that archive's own remembered state, so nothing persisted is reset here
  // (that would erase the previous archive's open article and search).
  const archiveSwitched = useCallback(() => {
    setSelectedEvent(null)
    setEditingEvent(null)
  }, [])
  useArchiveSwitch(archiveSwitched)
  const searchTag = useCallback((name: string) => setQuery(tagQuery(name)), [setQuery])
  const list = (): ListHandle | null => (leftView === 'entities' ? entities.current : query ? results.current : library.current)

  useShortcuts({
    focusSearch: () => {
      const focusBox = (): void => {
        const box = document.getElementById('search-input') as HTMLInputElement | null
        box?.focus()
        box?.select()
      }
      // The search box lives in the Articles view: another view there gives way to it first.
      if (leftView === 'articles') focusBox()
      else {
        setLeftView('articles')
        requestAnimationFrame(focusBox)
      }
    },
    move: (d) => {
      list()?.focus()
      list()?.move(d)
    },
    open: () => list()?.openActive(),
    cite: () => reader.current?.cite(),
    editEvent: () => {
      if (selectedEvent !== null) setEditingEvent(selectedEvent)
    },
    undo: () => void undo({}),
    redo: () => void redo({}),
    nextHit: (d) => reader.current?.step(d),
    help: () => setHelp(true)
  })
  useDesktopMenu({
    import: () => void chooseImportPaths(importer),
    export: () => setExporting(true),
    shortcuts: () => setHelp(true),
    switched: archiveSwitched
  })

  const dropBlobs = (files: Parameters<typeof importer.importBlobs>[0]): void => {
    setHintDismissed(true)
    void importer.importBlobs(files)
  }
  return (
    <DropZone onPaths={(paths) => void importer.importPaths(paths)} onBlobs={dropBlobs} onError={importer.fail}>
      <div className="workbench">
        <TopBar importer={importer} onSwitched={archiveSwitched} onExport={() => setExporting(true)} onHelp={() => setHelp(true)} />
        <ProblemBar />
        <ConnectionBanner />
        {!hintDismissed && !importer.state.running && <DropHint onDismiss={() => setHintDismissed(true)} />}
        <main className="panes">
          <SplitPanes id="main" initial={[0.27, 0.43, 0.3]} labels={['Library', 'Reader', 'Chronology']}>
            <LeftPane view={leftView} onView={setLeftView}>
              {leftView === 'map' ? (
                <MapView chronologies={chronology.chronologies} onOpenEntity={openEntity} onOpenEvent={setSelectedEvent} />
              ) : leftView === 'entities' ? (
                entityId === null ? (
                  <EntitiesView ref={entities} onOpen={setEntityId} />
                ) : (
                  <EntityPage id={entityId} onBack={() => setEntityId(null)} onOpenEntity={setEntityId} onOpenPassage={openPassage} onOpenEvent={setSelectedEvent} onFilterChronology={filterByEntity} />
                )
              ) : (
                <SearchPane ref={results} query={query} onQuery={setQuery} fuzzy={fuzzy} onFuzzy={setFuzzy} openId={openId} onOpen={open}>
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
                    notice={notice}
                    onTagSearch={searchTag}
                  />
                </SearchPane>
              )}
            </LeftPane>
            <Reader
              ref={reader}
              article={article}
              loading={loading}
              hits={hits}
              citations={readerCitations(citations, chronology.allEvents)}
              focus={focus}
              onOpenArticle={open}
              onOpenEvent={setSelectedEvent}
              mentions={mentions}
              onOpenEntity={openEntity}
              selectionActions={(anchor, done) => (
                <CiteActions
                  anchor={anchor}
                  events={chronology.allEvents}
                  selectedEventId={selectedEvent}
                  onNewEvent={(a, s) => void citing.citeNew(a, s)}
                  onAddToEvent={(id, a, s) => void citing.citeInto(id, a, s)}
                  onDone={done}
                />
              )}
            >
              {article && (
                <>
                  <ArticleMeta key={`${article.id}-${article.updatedAt}`} article={article} onTagSearch={searchTag} />
                  <Proposals articleId={article.id} chronologyId={chronology.chronologyId} events={chronology.allEvents} onFocus={setFocus} onAccepted={setSelectedEvent} />
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
              onUndo={() => void undo({})}
              onRedo={() => void redo({})}
              dateHints={citing.dateHints}
              suggestedTitles={citing.suggestedTitles}
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
