import { app, BrowserWindow, ipcMain, Menu, session } from 'electron'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultArchiveDir, defaultSampleArchiveDir } from '../archive/location'
import { findResourcesDir } from '../resources-dir'
import { startBackendHost, type BackendHost } from '../host/host'
import { PathGrants } from '../security/path-grants'
import { registerHost } from './host'
import { registerIpc } from './ipc'
import { buildMenu } from './menu'
import { hardenContents, hardenSession } from './security'
import { windowOptions } from './window-options'
import { loadWindowState, saveWindowState } from './window-state'

const here = fileURLToPath(new URL('.', import.meta.url))
const devServerUrl = process.env['ELECTRON_RENDERER_URL']
const grants = new PathGrants()

/** The backend runs in worker threads; this process keeps windows, menus, dialogs and path grants. */
let backend: BackendHost | null = null
const pendingFiles: string[] = []

function stateFile(): string {
  return join(app.getPath('userData'), 'window-state.json')
}

function createWindow(): BrowserWindow {
  const saved = loadWindowState(stateFile())
  const resources = app.isPackaged ? join(process.resourcesPath, 'resources') : findResourcesDir()
  const options = {
    ...windowOptions(join(here, '../preload/index.cjs')),
    ...(resources ? { icon: join(resources, 'icons', 'icon.png') } : {})
  }
  const win = new BrowserWindow(saved ? { ...options, x: saved.x, y: saved.y, width: saved.width, height: saved.height } : options)
  hardenContents(win.webContents, devServerUrl)
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize()
    win.show()
  })
  win.on('close', () => {
    saveWindowState(stateFile(), { ...win.getNormalBounds(), maximized: win.isMaximized() })
  })
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(join(here, '../renderer/index.html'))
  return win
}

/** Files passed on the command line or opened with the app are imported like a drop. */
function importOpened(paths: string[]): void {
  const files = paths.filter((p) => !p.startsWith('-') && existsSync(p)).map((p) => resolve(p))
  if (files.length === 0) return
  for (const f of files) grants.grant(f)
  if (!backend) {
    pendingFiles.push(...files)
    return
  }
  void backend.invoke('importFiles', { paths: files })
}

app.enableSandbox()
app.on('web-contents-created', (_e, contents) => hardenContents(contents, devServerUrl))
app.on('open-file', (event, path) => {
  event.preventDefault()
  importOpened([path])
})

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv) => {
    const [win] = BrowserWindow.getAllWindows()
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
    importOpened(argv.slice(app.isPackaged ? 1 : 2))
  })

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, devServerUrl)
    const archiveDir = defaultArchiveDir(process.env, app.getPath('userData'))
    // An empty profile gets a separate sample archive beside it, one click away in the archive menu.
    const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : findResourcesDir()
    const sample = resourcesDir ? { resourcesDir, archiveDir: defaultSampleArchiveDir(process.env, app.getPath('userData')) } : null
    backend = await startBackendHost({ archiveDir, ...(sample ? { sample } : {}) })
    // The app chose these two folders itself, so the archive menu may switch between them in one
    // click (openArchive paths must otherwise come from a dialog or a drop).
    grants.grant(archiveDir)
    if (sample) grants.grant(sample.archiveDir)
    const windows = (): Electron.WebContents[] => BrowserWindow.getAllWindows().map((w) => w.webContents)
    registerIpc(ipcMain, backend, devServerUrl, windows, grants)
    registerHost(ipcMain, grants, devServerUrl, (sender) => BrowserWindow.fromWebContents(sender))
    Menu.setApplicationMenu(buildMenu(() => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null))
    createWindow()
    importOpened([...pendingFiles.splice(0), ...process.argv.slice(app.isPackaged ? 1 : 2)])
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('will-quit', (event) => {
    if (!backend) return
    // Quit again once the writer has closed the archive (and released its lock).
    event.preventDefault()
    const closing = backend
    backend = null
    void closing.close().finally(() => app.quit())
  })
}
