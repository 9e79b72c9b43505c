import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { API_EVENTS, API_METHODS } from '../../shared/api'
import { AnnalistError } from '../../shared/errors'
import { eventChannel, methodChannel } from '../../shared/ipc'
import type { BackendService } from '../host/service'
import { refuseUngranted, type PathGrants } from '../security/path-grants'
import { isAppUrl } from './security'

/** True when an IPC event comes from the app's own top-level page. */
export function fromAppFrame(
  event: { senderFrame: { url: string } | null; sender: { mainFrame: unknown } },
  devServerUrl: string | undefined
): boolean {
  const frame = event.senderFrame
  return !!frame && isAppUrl(frame.url, devServerUrl) && frame === event.sender.mainFrame
}

/**
 * Registers one handler per API method. Each checks that the call comes from the app's own
 * main frame and that every filesystem path in it was chosen by the user, then lets the backend
 * validate the argument and wrap the answer in an envelope.
 */
export function registerIpc(
  ipcMain: IpcMain,
  backend: BackendService,
  devServerUrl: string | undefined,
  windows: () => WebContents[],
  grants: PathGrants
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(methodChannel(method), async (event: IpcMainInvokeEvent, arg: unknown) => {
      if (!fromAppFrame(event, devServerUrl)) {
        return { ok: false, error: new AnnalistError('unauthorized', 'call from a frame that is not the app').toInfo() }
      }
      const refused = refuseUngranted(method, arg, (p) => grants.allows(p), 'drop it or pick it in a dialog')
      if (refused) return { ok: false, error: refused.toInfo() }
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
