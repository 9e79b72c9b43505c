import { describe, expect, it, vi } from 'vitest'
import { windowOptions } from '../../../src/main/electron/window-options'
import { hardenContents, hardenSession, isAppUrl } from '../../../src/main/electron/security'

vi.mock('electron', () => {
  throw new Error('the security helpers must not need electron at import time')
})

type Handler = (...args: never[]) => unknown

function fakeSession() {
  const handlers: Record<string, Handler> = {}
  return {
    handlers,
    session: {
      webRequest: {
        onHeadersReceived: (h: Handler) => (handlers.headers = h),
        onBeforeRequest: (h: Handler) => (handlers.request = h)
      },
      setPermissionRequestHandler: (h: Handler) => (handlers.permission = h),
      setPermissionCheckHandler: (h: Handler) => (handlers.check = h)
    }
  }
}

describe('window options', () => {
  it('isolates the page: context isolation, sandbox, no node', () => {
    const prefs = windowOptions('/app/preload/index.cjs').webPreferences!
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  })
})

describe('session hardening', () => {
  it('puts a strict CSP on every response', () => {
    const { handlers, session } = fakeSession()
    hardenSession(session as never, undefined)
    let result: { responseHeaders: Record<string, string[]> } | undefined
    ;(handlers.headers as (d: unknown, cb: (r: typeof result) => void) => void)(
      { responseHeaders: { 'X-Other': ['1'] } },
      (r) => (result = r)
    )
    const csp = result!.responseHeaders['Content-Security-Policy']![0]!
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/https?:/)
    expect(result!.responseHeaders['X-Other']).toEqual(['1'])
  })

  it('cancels every request that is not the app\'s own', () => {
    const { handlers, session } = fakeSession()
    hardenSession(session as never, 'http://localhost:5173')
    const decide = (url: string): boolean => {
      let cancel = false
      ;(handlers.request as (d: unknown, cb: (r: { cancel: boolean }) => void) => void)({ url }, (r) => (cancel = r.cancel))
      return cancel
    }
    expect(decide('file:///app/out/renderer/index.html')).toBe(false)
    expect(decide('http://localhost:5173/src/main.tsx')).toBe(false)
    expect(decide('https://example.com/pixel.gif')).toBe(true)
    expect(decide('http://169.254.169.254/latest/meta-data')).toBe(true)
    expect(decide('ws://localhost:9999')).toBe(true)
  })

  it('denies every permission request and check', () => {
    const { handlers, session } = fakeSession()
    hardenSession(session as never, undefined)
    let granted: boolean | undefined
    ;(handlers.permission as (wc: unknown, p: string, cb: (g: boolean) => void) => void)(null, 'media', (g) => (granted = g))
    expect(granted).toBe(false)
    expect((handlers.check as () => boolean)()).toBe(false)
  })
})

describe('web contents hardening', () => {
  function fakeContents(url: string) {
    const listeners: Record<string, Handler> = {}
    let openHandler: Handler | undefined
    return {
      listeners,
      open: () => openHandler!(),
      contents: {
        getURL: () => url,
        setWindowOpenHandler: (h: Handler) => (openHandler = h),
        on: (name: string, h: Handler) => (listeners[name] = h)
      }
    }
  }

  it('denies new windows and blocks navigation and webviews', () => {
    const fake = fakeContents('file:///app/out/renderer/index.html')
    hardenContents(fake.contents as never, undefined)
    expect(fake.open()).toEqual({ action: 'deny' })
    const navigate = (url: string): boolean => {
      const event = { preventDefault: vi.fn() }
      ;(fake.listeners['will-navigate'] as (e: unknown, u: string) => void)(event, url)
      return event.preventDefault.mock.calls.length > 0
    }
    expect(navigate('https://evil.example/')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    const webview = { preventDefault: vi.fn() }
    ;(fake.listeners['will-attach-webview'] as (e: unknown) => void)(webview)
    expect(webview.preventDefault).toHaveBeenCalled()
  })

  it('knows the app\'s own URLs', () => {
    expect(isAppUrl('file:///x/index.html', undefined)).toBe(true)
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
  })
})
