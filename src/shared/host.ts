/**
 * What a desktop host adds beyond the API contract: native dialogs, drop paths and menu
 * commands. Electron provides it through the preload as `window.annalistHost`; the browser mode
 * has none of it and falls back to downloads and dropped bytes.
 */

export const MENU_COMMANDS = ['import', 'open-archive', 'export', 'backup', 'find', 'shortcuts'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export interface SaveFileRequest {
  suggestedName: string
  content: string
  mediaType: string
}

export interface DesktopHost {
  kind: 'electron'
  /** Absolute path of a dropped file; the path is granted to the backend for this session. */
  pathForFile(file: File): string
  /** Native open dialog for files and folders to import; returns granted paths ([] if cancelled). */
  chooseImportPaths(): Promise<string[]>
  /** Native folder dialog for an archive; returns a granted path or null. */
  chooseArchiveDir(): Promise<string | null>
  /** Native save dialog for a backup file of the open archive; returns a granted path or null. */
  chooseBackupPath(): Promise<string | null>
  /** Native save dialog, then writes the content there; returns the path or null if cancelled. */
  saveFile(request: SaveFileRequest): Promise<string | null>
  /** Opens an http(s) link in the system browser after the user confirms; false if refused. */
  openExternal(url: string): Promise<boolean>
  /** Menu commands the renderer should act on; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

/** IPC channels of the host bridge. */
export const HOST_CHANNELS = {
  grantPath: 'annalist:host:grant-path',
  chooseImportPaths: 'annalist:host:choose-import-paths',
  chooseArchiveDir: 'annalist:host:choose-archive-dir',
  chooseBackupPath: 'annalist:host:choose-backup-path',
  saveFile: 'annalist:host:save-file',
  openExternal: 'annalist:host:open-external',
  menu: 'annalist:host:menu'
} as const

/** Only plain web links may leave the app, never javascript:, file:, data: or custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== ''
  } catch {
    return false
  }
}
