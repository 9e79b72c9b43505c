import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArchiveInfo, ArticleDetail, ArticleSort } from '../../shared/types'
import { api, host } from './api/client'
import { DropZone, filesToBlobs } from './components/DropZone'
import { ImportStatus } from './components/ImportStatus'
import { ShortcutsOverlay } from './components/ShortcutsOverlay'
import { SplitPanes } from './components/SplitPanes'
import { baseName, count } from './lib/format'
import type { Range } from './lib/highlight'
import { usePersistentState } from './lib/persist'
import { useArticlePages } from './lib/useArticlePages'
import { useImport } from './lib/useImport'
import { useShortcuts } from './lib/useShortcuts'
import { searchBackend } from './api/features'
import { Library, type ListHandle } from './views/Library'
import { SearchPane } from './views/search/SearchPane'
import { Reader, type ReaderHandle } from './views/Reader'
import { ChronologyPane } from './views/ChronologyPane'

/** The three-pane workbench: Library, Reader, Chronology. */
export function App(): React.JSX.Element {
  const [version, setVersion] = useState(0)
  const [info, setInfo] = useState<ArchiveInfo | null>(null)
  const [sort, setSort] = usePersistentState<ArticleSort>('library.sort', 'imported')
  const [order, setOrder] = usePersistentState<'asc' | 'desc'>('library.order', 'desc')
  const [openId, setOpenId] = usePersistentState<number | null>('reader.open', null)
  const [article, setArticle] = useState<ArticleDetail | null>(null)
  const [loadingArticle, setLoadingArticle] = useState(false)
  const [help, setHelp] = useState(false)
  const [hintDismissed, setHintDismissed] = usePersistentState('hint.drop.dismissed', false)
  const [query, setQuery] = usePersistentState('search.query', '')
  const [fuzzy, setFuzzy] = usePersistentState('search.fuzzy', false)
  const [hits, setHits] = useState<Range[]>([])
  const library = useRef<ListHandle>(null)
  const results = useRef<ListHandle>(null)
  const reader = useRef<ReaderHandle>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)

  const changed = useCallback(() => setVersion((v) => v + 1), [])
  const pages = useArticlePages(sort, order, version)
  const importer = useImport(changed)

  useEffect(() => {
    void api.getArchiveInfo({}).then(setInfo)
  }, [version])

  useEffect(() => {
    if (openId === null) {
      setArticle(null)
      return
    }
    let stale = false
    setLoadingArticle(true)
    api
      .getArticle({ id: openId })
      .then((a) => {
        if (!stale) setArticle(a)
      })
      .catch(() => {
        // The remembered article may have been deleted since; forget it.
        if (!stale) setOpenId(null)
      })
      .finally(() => {
        if (!stale) setLoadingArticle(false)
      })
    return () => {
      stale = true
    }
  }, [openId, version, setOpenId])

  // Matches of the current query inside the open article, for the Reader's marks and next/previous.
  useEffect(() => {
    if (openId === null || query.trim() === '') {
      setHits([])
      return
    }
    let stale = false
    api
      .highlightArticle({ articleId: openId, query, fuzzy })
      .then((h) => {
        if (!stale) setHits(h.ranges)
      })
      .catch(() => {
        if (!stale) setHits([])
      })
    return () => {
      stale = true
    }
  }, [openId, query, fuzzy, version])

  useShortcuts({
    focusSearch: () => document.getElementById('search-input')?.focus(),
    move: (d) => {
      const list = query ? results.current : library.current
      list?.focus()
      list?.move(d)
    },
    open: () => (query ? results.current : library.current)?.openActive(),
    cite: () => undefined,
    editEvent: () => undefined,
    undo: () => undefined,
    redo: () => undefined,
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

  const showHint = !hintDismissed && !importer.state.running
  const libraryList = (
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
      onOpen={setOpenId}
    />
  )
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
          <span className="archive-name" title={info?.path}>
            {info ? baseName(info.path) : ''}
          </span>
          {info && (
            <span className="archive-stats">
              {count(info.articleCount)} articles · {count(info.eventCount)} events
            </span>
          )}
          <span className="topbar-spacer" />
          <button type="button" onClick={() => void chooseImport()}>
            Import files…
          </button>
          {host.kind === 'browser' && (
            <button type="button" onClick={() => folderInput.current?.click()}>
              Import folder…
            </button>
          )}
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
          <SplitPanes id="main" initial={[0.27, 0.45, 0.28]} labels={['Library', 'Reader', 'Chronology']}>
            <SearchPane
                ref={results}
                backend={searchBackend}
                query={query}
                onQuery={setQuery}
                fuzzy={fuzzy}
                onFuzzy={setFuzzy}
                openId={openId}
                onOpen={setOpenId}
              >
                {libraryList}
              </SearchPane>
            <Reader
              ref={reader}
              article={article}
              loading={loadingArticle}
              hits={hits}
              citations={[]}
              focus={null}
              onOpenArticle={setOpenId}
            />
            <ChronologyPane />
          </SplitPanes>
        </main>
        <ImportStatus state={importer.state} onCancel={importer.cancel} onDismiss={importer.dismiss} onOpenArticle={setOpenId} />
        {help && <ShortcutsOverlay onClose={() => setHelp(false)} />}
      </div>
    </DropZone>
  )
}

