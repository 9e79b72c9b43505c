import { useCallback, useEffect, useState } from 'react'
import type { ArticleDetail, ArticleSummary, ImportProgress, ImportReport } from '../../shared/types'
import { api } from './api/client'
import { DropZone } from './components/DropZone'
import { ImportStatus } from './components/ImportStatus'
import { Library } from './views/Library'
import { Reader } from './views/Reader'
import { ChronologyPane } from './views/ChronologyPane'

/** The three-pane workbench: Library, Reader, Chronology. */
export function App(): React.JSX.Element {
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const [total, setTotal] = useState(0)
  const [selected, setSelected] = useState<number | null>(null)
  const [article, setArticle] = useState<ArticleDetail | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [archivePath, setArchivePath] = useState('')

  const refresh = useCallback(async () => {
    const page = await api.listArticles({ limit: 500 })
    setArticles(page.items)
    setTotal(page.total)
  }, [])

  useEffect(() => {
    void refresh()
    void api.getArchiveInfo({}).then((info) => setArchivePath(info.path))
    return api.onImportProgress(setProgress)
  }, [refresh])

  useEffect(() => {
    if (selected === null) {
      setArticle(null)
      return
    }
    let stale = false
    void api.getArticle({ id: selected }).then((a) => {
      if (!stale) setArticle(a)
    })
    return () => {
      stale = true
    }
  }, [selected])

  const onImported = useCallback(
    async (r: ImportReport) => {
      setReport(r)
      setProgress(null)
      await refresh()
    },
    [refresh]
  )

  return (
    <DropZone onImported={onImported} onError={(message) => setReport(errorReport(message))}>
      <div className="workbench">
        <header className="topbar">
          <h1 className="brand">Annalist</h1>
          <span className="archive-path" title={archivePath}>
            {archivePath}
          </span>
        </header>
        <main className="panes">
          <Library articles={articles} total={total} selected={selected} onSelect={setSelected} />
          <Reader article={article} />
          <ChronologyPane />
        </main>
        <ImportStatus progress={progress} report={report} onDismiss={() => setReport(null)} />
      </div>
    </DropZone>
  )
}

function errorReport(message: string): ImportReport {
  return {
    batchId: 'error',
    added: [],
    duplicates: [],
    failed: [{ path: '(drop)', code: 'unreadable', message }],
    nearDuplicates: [],
    skipped: [],
    cancelled: false,
    elapsedMs: 0
  }
}
