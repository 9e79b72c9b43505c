import { host } from '../api/client'

/**
 * Opens an http(s) address outside the app, the one way out: the desktop's browser, or after a
 * confirmation a new tab with no opener. Anything but http(s) is refused here too.
 */
export async function openLink(url: string): Promise<void> {
  if (!/^https?:\/\//i.test(url)) return
  if (host.kind === 'electron') {
    await host.openExternal(url)
    return
  }
  if (window.confirm(`Open this address in a new browser tab?\n\n${url}\n\nThe page will be loaded from the internet.`)) {
    window.open(url, '_blank', 'noopener,noreferrer')
  }
}
