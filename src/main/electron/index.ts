import { app, BrowserWindow, ipcMain, session } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openArchive } from '../archive/archive'
import { defaultArchiveDir } from '../archive/location'
import { createBackend, type Backend } from '../backend'
import { registerIpc } from './ipc'
import { hardenContents, hardenSession } from './security'
import { windowOptions } from './window-options'

const here = fileURLToPath(new URL('.', import.meta.url))
const devServerUrl = process.env['ELECTRON_RENDERER_URL']

let backend: Backend | null = null

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs')))
  hardenContents(win.webContents, devServerUrl)
  win.once('ready-to-show', () => win.show())
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(join(here, '../renderer/index.html'))
  return win
}

app.enableSandbox()
app.on('web-contents-created', (_e, contents) => hardenContents(contents, devServerUrl))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows()
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, devServerUrl)
    const archiveDir = process.env['ANNALIST_ARCHIVE'] ?? join(app.getPath('userData'), 'archive')
    backend = createBackend(openArchive(archiveDir || defaultArchiveDir()))
    registerIpc(ipcMain, backend, devServerUrl, () => BrowserWindow.getAllWindows().map((w) => w.webContents))
    createWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', () => {
    backend?.close()
    backend = null
  })
}
