import { describe, expect, it } from 'vitest'
import { API_METHODS } from '../../../src/shared/api'
import { eventChannel, methodChannel } from '../../../src/shared/ipc'
import { registerIpc } from '../../../src/main/electron/ipc'
import { createBackend } from '../../../src/main/backend'
import { PathGrants } from '../../../src/main/security/path-grants'
import { tempArchive, tempDir } from '../../support/tmp'

type Invoke = (event: unknown, arg: unknown) => Promise<unknown>

function fakeIpcMain() {
  const handlers = new Map<string, Invoke>()
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, h: Invoke) => handlers.set(channel, h),
      removeHandler: (channel: string) => handlers.delete(channel)
    }
  }
}

function event(url: string, main = true) {
  const mainFrame = { url }
  return { sender: { mainFrame }, senderFrame: main ? mainFrame : { url } }
}

describe('IPC wiring', () => {
  it('registers exactly one handler per API method and removes them', () => {
    const { handlers, ipcMain } = fakeIpcMain()
    const dispose = registerIpc(ipcMain as never, createBackend(tempArchive()), undefined, () => [], new PathGrants())
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(methodChannel).sort())
    dispose()
    expect(handlers.size).toBe(0)
  })

  it('answers the app\'s own frame with envelopes and validates arguments', async () => {
    const { handlers, ipcMain } = fakeIpcMain()
    registerIpc(ipcMain as never, createBackend(tempArchive()), undefined, () => [], new PathGrants())
    const info = await handlers.get(methodChannel('getArchiveInfo'))!(event('file:///app/index.html'), {})
    expect(info).toMatchObject({ ok: true, value: { articleCount: 0 } })
    const bad = await handlers.get(methodChannel('getArticle'))!(event('file:///app/index.html'), { id: -3 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('refuses calls from foreign origins and from subframes', async () => {
    const { handlers, ipcMain } = fakeIpcMain()
    registerIpc(ipcMain as never, createBackend(tempArchive()), undefined, () => [], new PathGrants())
    const h = handlers.get(methodChannel('getArchiveInfo'))!
    expect(await h(event('https://evil.example/'), {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(await h(event('file:///app/index.html', false), {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })

  it('forwards backend events to every live window', async () => {
    const { ipcMain } = fakeIpcMain()
    const backend = createBackend(tempArchive())
    const sent: [string, unknown][] = []
    const wc = { isDestroyed: () => false, send: (c: string, p: unknown) => sent.push([c, p]) }
    registerIpc(ipcMain as never, backend, undefined, () => [wc as never], new PathGrants())
    await backend.api.importBlobs({ files: [{ name: 'a.txt', bytes: new TextEncoder().encode('T\n\nBody.') }] })
    expect(sent.some(([c]) => c === eventChannel('importProgress'))).toBe(true)
  })

  it('accepts only paths the user chose (dropped or picked) and what lies inside them', async () => {
    const { handlers, ipcMain } = fakeIpcMain()
    const grants = new PathGrants()
    registerIpc(ipcMain as never, createBackend(tempArchive()), undefined, () => [], grants)
    const h = handlers.get(methodChannel('importFiles'))!
    const chosen = tempDir()
    const app = event('file:///app/index.html')
    expect(await h(app, { paths: ['/etc/passwd'] })).toMatchObject({ ok: false, error: { code: 'forbidden-path' } })
    grants.grant(chosen)
    expect(await h(app, { paths: [`${chosen}/inside.txt`] })).toMatchObject({ ok: true })
    expect(await h(app, { paths: [`${chosen}/../elsewhere`] })).toMatchObject({ ok: false, error: { code: 'forbidden-path' } })
    expect(await h(app, { paths: [`${chosen}-sibling`] })).toMatchObject({ ok: false, error: { code: 'forbidden-path' } })
  })
})
