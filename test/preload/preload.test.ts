import { beforeEach, describe, expect, it, vi } from 'vitest'
import { API_EVENTS, API_METHODS, subscriptionName } from '../../src/shared/api'
import { methodChannel } from '../../src/shared/ipc'

const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async () => ({ ok: true, value: 'pong' }))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn(), sendSync: vi.fn() },
  webUtils: { getPathForFile: () => '/dropped/file.txt' }
}))

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules()
    await import('../../src/preload/index')
  })

  it('exposes the generated contract and the drop-path helper, nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual(['annalist', 'annalistHost'])
    const api = exposed.annalist as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, ...API_EVENTS.map(subscriptionName)].sort())
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true)
    expect(Object.keys(exposed.annalistHost as object).sort()).toEqual([
      'chooseArchiveDir',
      'chooseBackupPath',
      'chooseImportPaths',
      'kind',
      'onMenuCommand',
      'openExternal',
      'pathForFile',
      'saveFile'
    ])
  })

  it('routes a call to its method channel', async () => {
    const api = exposed.annalist as { getArchiveInfo(a: object): Promise<unknown> }
    await expect(api.getArchiveInfo({})).resolves.toBe('pong')
    expect(invoke).toHaveBeenCalledWith(methodChannel('getArchiveInfo'), {})
  })
})
