import { useRef, useState, type ReactNode } from 'react'
import type { BlobFile } from '../../../shared/types'
import { host } from '../api/client'
import { errorMessage } from '../data/errors'

interface Props {
  children: ReactNode
  onPaths(paths: string[]): void
  onBlobs(files: BlobFile[]): void
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

/** Reads browser Files into the contract's BlobFile shape. */
export async function filesToBlobs(files: File[]): Promise<BlobFile[]> {
  return Promise.all(
    files.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
  )
}

/** The whole window accepts dropped files and folders, highlighting while something is over it. */
export function DropZone({ children, onPaths, onBlobs, onError }: Props): React.JSX.Element {
  const [over, setOver] = useState(false)
  const depth = useRef(0)

  const onDrop = async (e: React.DragEvent): Promise<void> => {
    e.preventDefault()
    depth.current = 0
    setOver(false)
    try {
      const dropped = Array.from(e.dataTransfer.files)
      const desktop = host.kind === 'electron' ? host : null
      const paths = desktop ? dropped.map((f) => desktop.pathForFile(f)).filter((p) => p) : []
      if (paths.length > 0 && paths.length === dropped.length) {
        onPaths(paths)
        return
      }
      const hasEntries = Array.from(e.dataTransfer.items).some((i) => typeof i.webkitGetAsEntry === 'function' && i.webkitGetAsEntry())
      const files = hasEntries ? await readEntries(e.dataTransfer.items) : dropped
      if (files.length === 0) return
      onBlobs(await filesToBlobs(files))
    } catch (err) {
      onError(errorMessage(err))
    }
  }

  const isFileDrag = (e: React.DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files')

  return (
    <div
      className={over ? 'dropzone dropzone-over' : 'dropzone'}
      data-testid="dropzone"
      onDragEnter={(e) => {
        if (!isFileDrag(e)) return
        e.preventDefault()
        depth.current++
        setOver(true)
      }}
      onDragOver={(e) => {
        if (isFileDrag(e)) e.preventDefault()
      }}
      onDragLeave={(e) => {
        if (!isFileDrag(e)) return
        depth.current = Math.max(0, depth.current - 1)
        if (depth.current === 0) setOver(false)
      }}
      onDrop={(e) => {
        if (isFileDrag(e)) void onDrop(e)
      }}
    >
      {children}
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-card">
            <span>Drop articles to import</span>
            <small>Text, web pages, PDF, Word, e-mail — files or whole folders</small>
          </div>
        </div>
      )}
    </div>
  )
}
