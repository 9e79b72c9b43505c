import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { buildClient } from '../shared/client'
import type { Envelope } from '../shared/envelope'
import { HOST_CHANNELS, MENU_COMMANDS, type DesktopHost, type MenuCommand } from '../shared/host'
import { eventChannel, methodChannel } from '../shared/ipc'

// Only generated methods, event subscriptions and the host bridge cross the bridge: the
// renderer never sees ipcRenderer itself.
const client = buildClient(
  (method, arg) => ipcRenderer.invoke(methodChannel(method), arg) as Promise<Envelope<unknown>>,
  (event, listener) => {
    const channel = eventChannel(event)
    const handler = (_e: unknown, payload: unknown): void => listener(payload as never)
    ipcRenderer.on(channel, handler)
    return () => {
      ipcRenderer.removeListener(channel, handler)
    }
  }
)

const host: DesktopHost = {
  kind: 'electron',
  pathForFile(file) {
    const path = webUtils.getPathForFile(file)
    // Synchronous so the grant is in place before the import call that follows it.
    if (path) ipcRenderer.sendSync(HOST_CHANNELS.grantPath, path)
    return path
  },
  chooseImportPaths: () => ipcRenderer.invoke(HOST_CHANNELS.chooseImportPaths) as Promise<string[]>,
  chooseArchiveDir: () => ipcRenderer.invoke(HOST_CHANNELS.chooseArchiveDir) as Promise<string | null>,
  chooseBackupPath: () => ipcRenderer.invoke(HOST_CHANNELS.chooseBackupPath) as Promise<string | null>,
  saveFile: (request) => ipcRenderer.invoke(HOST_CHANNELS.saveFile, request) as Promise<string | null>,
  openExternal: (url) => ipcRenderer.invoke(HOST_CHANNELS.openExternal, url) as Promise<boolean>,
  onMenuCommand(listener) {
    const handler = (_e: unknown, command: unknown): void => {
      if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand)
    }
    ipcRenderer.on(HOST_CHANNELS.menu, handler)
    return () => {
      ipcRenderer.removeListener(HOST_CHANNELS.menu, handler)
    }
  }
}

contextBridge.exposeInMainWorld('annalist', client)
contextBridge.exposeInMainWorld('annalistHost', host)
