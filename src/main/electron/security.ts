import type { Session, WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../security/csp'

/** True for URLs that belong to the app itself (its files or the dev server). */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  if (url.startsWith('file://')) return true
  if (devServerUrl && url.startsWith(devServerUrl)) return true
  return url.startsWith('devtools://')
}

/**
 * Locks a session down: the app's own CSP on every response, every request that is not the
 * app's own cancelled (the app never touches the network), every permission denied.
 */
export function hardenSession(session: Session, devServerUrl: string | undefined): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
  session.webRequest.onBeforeRequest((details, callback) => {
    const own = isAppUrl(details.url, devServerUrl) || details.url.startsWith('data:') || details.url.startsWith('blob:')
    callback({ cancel: !own })
  })
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/** No new windows, no navigation away from the app, no webviews. */
export function hardenContents(contents: WebContents, devServerUrl: string | undefined): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl) || url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
