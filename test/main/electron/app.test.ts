import { afterAll, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { API_METHODS } from '../../../src/shared/api'
import { methodChannel } from '../../../src/shared/ipc'

const state = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
  handled: [] as string[],
  appEvents: {} as Record<string, (...args: unknown[]) => void>,
  sandboxed: false,
  csp: false,
  permissions: false,
  menu: null as unknown,
  quits: 0
}))

vi.mock('electron', () => {
  class BrowserWindow {
    static all: BrowserWindow[] = []
    options: Record<string, unknown>
    loaded: string[] = []
    webContents = {
      setWindowOpenHandler: () => {},
      on: () => {},
      getURL: () => '',
      isDestroyed: () => false,
      send: () => {}
    }
    constructor(options: Record<string, unknown>) {
      this.options = options
      BrowserWindow.all.push(this)
      state.windows.push(this)
    }
    static getAllWindows(): BrowserWindow[] {
      return BrowserWindow.all
    }
    static getFocusedWindow(): BrowserWindow | null {
      return BrowserWindow.all[0] ?? null
    }
    static fromWebContents(): BrowserWindow | null {
      return BrowserWindow.all[0] ?? null
    }
    once(): void {}
    on(): void {}
    loadFile(file: string): Promise<void> {
      this.loaded.push(file)
      return Promise.resolve()
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url)
      return Promise.resolve()
    }
  }
  return {
    app: {
      enableSandbox: () => (state.sandboxed = true),
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on: (name: string, h: (...args: unknown[]) => void) => (state.appEvents[name] = h),
      getPath: () => process.env.ANNALIST_TEST_USERDATA,
      quit: () => void state.quits++
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string) => state.handled.push(channel),
      on: () => {},
      removeHandler: () => {}
    },
    Menu: { buildFromTemplate: (t: unknown[]) => ({ items: t }), setApplicationMenu: (m: unknown) => (state.menu = m) },
    dialog: {},
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => (state.csp = true), onBeforeRequest: () => {} },
        setPermissionRequestHandler: () => (state.permissions = true),
        setPermissionCheckHandler: () => {}
      }
    }
  }
})

const userData = mkdtempSync(join(tmpdir(), 'annalist-electron-'))
process.env.ANNALIST_TEST_USERDATA = userData
delete process.env.ANNALIST_ARCHIVE

afterAll(() => {
  rmSync(userData, { recursive: true, force: true })
})

describe('Electron main', () => {
  it('starts sandboxed, hardens the session, wires IPC and opens one secure window', async () => {
    await import('../../../src/main/electron/index')
    // Start-up makes the separate sample archive first (a real import), then opens the window.
    for (let waited = 0; state.windows.length === 0 && waited < 30_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(state.sandboxed).toBe(true)
    expect(state.csp).toBe(true)
    expect(state.permissions).toBe(true)
    expect(state.handled).toEqual(expect.arrayContaining(API_METHODS.map(methodChannel)))
    expect(state.menu).not.toBeNull()
    expect(state.windows).toHaveLength(1)
    const prefs = state.windows[0]!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(existsSync(String(state.windows[0]!.options.icon))).toBe(true)
    expect(state.windows[0]!.loaded[0]).toMatch(/renderer[\\/]index\.html$/)
    expect(state.appEvents['second-instance']).toBeTypeOf('function')
    expect(state.handled.length).toBeGreaterThan(0)
    const { openArchive } = await import('../../../src/main/archive/archive')
    expect(() => openArchive(join(userData, 'archive'))).toThrow(/already open/)
  }, 60_000)

  it('opens an empty profile on an empty own archive, with the sample in a separate, marked archive beside it', async () => {
    // An archive connection: the articles view reads the text through the archive's SQL functions.
    const { openReadonlyConnection } = await import('../../../src/main/archive/db')
    const counts = (dir: string): { articles: number; events: number; sample: string | undefined } => {
      const db = openReadonlyConnection(join(userData, dir, 'archive.sqlite'))
      const n = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      const sample = (db.prepare("SELECT value FROM settings WHERE key = 'archive.sample'").get() as { value: string } | undefined)?.value
      const result = { articles: n('articles'), events: n('events'), sample }
      db.close()
      return result
    }
    expect(counts('archive')).toEqual({ articles: 0, events: 0, sample: undefined })
    const sample = counts('sample-archive')
    expect(sample.articles).toBeGreaterThanOrEqual(10)
    expect(sample.events).toBeGreaterThan(0)
    expect(sample.sample).toBe('1')
  })

  it('holds the quit until the backend threads have closed the archive', async () => {
    let prevented = false
    state.appEvents['will-quit']!({ preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    for (let waited = 0; state.quits === 0 && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50))
    expect(state.quits).toBe(1)
    const { openArchive } = await import('../../../src/main/archive/archive')
    openArchive(join(userData, 'archive')).close()
  }, 30_000)
})
