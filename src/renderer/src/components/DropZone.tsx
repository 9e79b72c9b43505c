import { useRef, useState, type ReactNode } from 'react'
import type { BlobFile, ImportReport } from '../../../shared/types'
import { api, host } from '../api/client'

interface Props {
  children: ReactNode
  onImported(report: ImportReport): void
  onError(message: string): void
}

async function readEntries(items: DataTransferItemList): Promise<File[]> {
  // Folders dropped in a browser arrive as entries; walk them to their files.
  const files: File[] = []
  const walk = async (entry: FileSystemEntry | null): Promise<void> => {
    if (!entry) return
    if (entry.isFile) {
      files.push(await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej)))
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader()
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej))
        if (batch.length === 0) break
        for (const child of batch) if (!child.name.startsWith('.')) await walk(child)
      }
    }
  }
  const entries = Array.from(items).map((i) => (i.kind === 'file' ? i.webkitGetAsEntry() : null))
  for (const e of entries) await walk(e)
  return files
}

/** The whole window accepts dropped files and folders, highlighting while something is over it. */
export function DropZone({ children, onImported, onError }: Props): React.JSX.Element {
  const [over, setOver] = useState(false)
  const depth = useRef(0)

  const onDrop = async (e: React.DragEvent): Promise<void> => {
    e.preventDefault()
    depth.current = 0
    setOver(false)
    try {
      const dropped = Array.from(e.dataTransfer.files)
      const paths = host.pathForFile ? dropped.map((f) => host.pathForFile!(f)).filter((p) => p) : []
      if (paths.length > 0 && paths.length === dropped.length) {
        onImported(await api.importFiles({ paths }))
        return
      }
      const hasEntries = Array.from(e.dataTransfer.items).some((i) => typeof i.webkitGetAsEntry === 'function' && i.webkitGetAsEntry())
      const files = hasEntries ? await readEntries(e.dataTransfer.items) : dropped
      if (files.length === 0) return
      const blobs: BlobFile[] = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
      )
      onImported(await api.importBlobs({ files: blobs }))
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err))
    }
  }

  return (
    <div
      className={over ? 'dropzone dropzone-over' : 'dropzone'}
      data-testid="dropzone"
      onDragEnter={(e) => {
        e.preventDefault()
        depth.current++
        setOver(true)
      }}
      onDragOver={(e) => e.preventDefault()}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1)
        if (depth.current === 0) setOver(false)
      }}
      onDrop={(e) => void onDrop(e)}
    >
      {children}
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          Drop articles to import
        </div>
      )}
    </div>
  )
}
