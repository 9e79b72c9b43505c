import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { buildClient } from '../shared/client'
import type { Envelope } from '../shared/envelope'
import { eventChannel, methodChannel } from '../shared/ipc'

// Only generated methods, event subscriptions and the drop-path helper cross the bridge:
// the renderer never sees ipcRenderer itself.
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

contextBridge.exposeInMainWorld('annalist', client)
contextBridge.exposeInMainWorld('annalistHost', {
  kind: 'electron',
  pathForFile: (file: File): string => webUtils.getPathForFile(file)
})
