import { dialog, shell, type BrowserWindow, type IpcMain } from 'electron'
import { basename } from 'node:path'
import { IMPORT_EXTENSIONS } from '../../shared/formats'
import { HOST_CHANNELS, isSafeExternalUrl, type SaveFileRequest } from '../../shared/host'
import type { PathGrants } from '../security/path-grants'
import { writeFileAtomic } from '../platform/atomic-write'
import { fromAppFrame } from './ipc'

/** Native dialogs and drop-path grants for the renderer's host bridge. */
export function registerHost(
  ipcMain: IpcMain,
  grants: PathGrants,
  devServerUrl: string | undefined,
  windowFor: (sender: Electron.WebContents) => BrowserWindow | null
): void {
  ipcMain.on(HOST_CHANNELS.grantPath, (event, path: unknown) => {
    // Only the preload calls this, with a path webUtils resolved from a real dropped File.
    if (fromAppFrame(event, devServerUrl) && typeof path === 'string') grants.grant(path)
    event.returnValue = true
  })
  ipcMain.handle(HOST_CHANNELS.chooseImportPaths, async (event) => {
    if (!fromAppFrame(event, devServerUrl)) return []
    const win = windowFor(event.sender)
    const options: Electron.OpenDialogOptions = {
      title: 'Import articles',
      properties: ['openFile', 'openDirectory', 'multiSelections'],
      filters: [
        { name: 'Articles', extensions: [...IMPORT_EXTENSIONS] },
        { name: 'All files', extensions: ['*'] }
      ]
    }
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    if (result.canceled) return []
    for (const p of result.filePaths) grants.grant(p)
    return result.filePaths
  })
  ipcMain.handle(HOST_CHANNELS.chooseArchiveDir, async (event) => {
    if (!fromAppFrame(event, devServerUrl)) return null
    const win = windowFor(event.sender)
    const options: Electron.OpenDialogOptions = {
      title: 'Open or create an archive',
      properties: ['openDirectory', 'createDirectory']
    }
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    const [dir] = result.filePaths
    if (result.canceled || !dir) return null
    grants.grant(dir)
    return dir
  })
  ipcMain.handle(HOST_CHANNELS.chooseBackupPath, async (event) => {
    if (!fromAppFrame(event, devServerUrl)) return null
    const win = windowFor(event.sender)
    const options: Electron.SaveDialogOptions = {
      title: 'Back up the archive',
      defaultPath: `annalist-backup-${new Date().toISOString().slice(0, 10)}.tar`,
      filters: [{ name: 'Annalist backup', extensions: ['tar'] }]
    }
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return null
    // The backup may write only the file the person chose.
    grants.grant(result.filePath)
    return result.filePath
  })
  ipcMain.handle(HOST_CHANNELS.saveFile, async (event, request: SaveFileRequest) => {
    if (!fromAppFrame(event, devServerUrl)) return null
    if (!request || typeof request.content !== 'string' || typeof request.suggestedName !== 'string') return null
    const win = windowFor(event.sender)
    const options: Electron.SaveDialogOptions = { title: 'Export', defaultPath: basename(request.suggestedName) }
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
    if (result.canceled || !result.filePath) return null
    // Export writes only where the save dialog said.
    writeFileAtomic(result.filePath, request.content)
    return result.filePath
  })
  ipcMain.handle(HOST_CHANNELS.openExternal, async (event, url: unknown) => {
    if (!fromAppFrame(event, devServerUrl) || typeof url !== 'string' || !isSafeExternalUrl(url)) return false
    const win = windowFor(event.sender)
    const options: Electron.MessageBoxOptions = {
      type: 'question',
      buttons: ['Open in Browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'Open this link in your web browser?',
      detail: `${url}\n\nThe page will be loaded from the internet, outside Annalist.`
    }
    const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)
    if (answer.response !== 0) return false
    await shell.openExternal(url)
    return true
  })
}
