import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { API_EVENTS, API_METHODS } from '../../shared/api'
import { AnnalistError } from '../../shared/errors'
import { eventChannel, methodChannel } from '../../shared/ipc'
import type { Backend } from '../backend'
import { isAppUrl } from './security'

/**
 * Registers one handler per API method. Each checks that the call comes from the app's own
 * main frame, then lets the backend validate the argument and wrap the answer in an envelope.
 */
export function registerIpc(
  ipcMain: IpcMain,
  backend: Backend,
  devServerUrl: string | undefined,
  windows: () => WebContents[]
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(methodChannel(method), async (event: IpcMainInvokeEvent, arg: unknown) => {
      const frameUrl = event.senderFrame?.url ?? ''
      if (!isAppUrl(frameUrl, devServerUrl) || event.senderFrame !== event.sender.mainFrame) {
        return { ok: false, error: new AnnalistError('unauthorized', 'call from a frame that is not the app').toInfo() }
      }
      return backend.invoke(method, arg)
    })
  }
  const unsubscribers = API_EVENTS.map((name) =>
    backend.on(name, (payload) => {
      for (const wc of windows()) if (!wc.isDestroyed()) wc.send(eventChannel(name), payload)
    })
  )
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(methodChannel(method))
    for (const u of unsubscribers) u()
  }
}
