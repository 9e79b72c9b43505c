import { Download, FileUp, FolderUp, Keyboard } from 'lucide-react'
import { useRef } from 'react'
import { host } from '../api/client'
import type { Importer } from '../lib/useImport'
import { ArchiveMenu } from './ArchiveMenu'
import { BackupStatus } from './BackupStatus'
import { filesToBlobs } from './DropZone'
import { ThemeSwitch } from './ThemeSwitch'

interface Props {
  importer: Importer
  onSwitched(): void
  onExport(): void
  onHelp(): void
}

/** Asks the desktop for files to import; false in a browser, which has no such dialog. */
export async function chooseImportPaths(importer: Importer): Promise<boolean> {
  if (host.kind !== 'electron') return false
  const paths = await host.chooseImportPaths()
  if (paths.length) await importer.importPaths(paths)
  return true
}

/** Archive name and switcher, import (files, or a folder in a browser), export and help. */
export function TopBar({ importer, onSwitched, onExport, onHelp }: Props): React.JSX.Element {
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const chooseImport = async (): Promise<void> => {
    if (!(await chooseImportPaths(importer))) fileInput.current?.click()
  }
  const onInputFiles = async (e: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const files = Array.from(e.target.files ?? [])
    e.target.value = ''
    if (files.length) await importer.importBlobs(await filesToBlobs(files))
  }
  return (
    <header className="topbar">
      <h1 className="brand">Annalist</h1>
      <ArchiveMenu onSwitched={onSwitched} />
      <BackupStatus />
      <span className="topbar-spacer" />
      <button type="button" onClick={() => void chooseImport()}>
        <FileUp /> Import files…
      </button>
      {host.kind === 'browser' && (
        <button type="button" onClick={() => folderInput.current?.click()}>
          <FolderUp /> Import folder…
        </button>
      )}
      <button type="button" onClick={onExport}>
        <Download /> Export…
      </button>
      <ThemeSwitch />
      <button type="button" className="icon-button" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        <Keyboard />
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
  )
}
