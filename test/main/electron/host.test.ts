import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { HOST_CHANNELS } from '../../../src/shared/host'
import { PathGrants } from '../../../src/main/security/path-grants'
import { tempDir } from '../../support/tmp'

const dialogs = vi.hoisted(() => ({ open: [] as string[], save: '' as string, canceled: false, confirm: 0, opened: [] as string[] }))

vi.mock('electron', () => ({
  dialog: {
    showOpenDialog: async () => ({ canceled: dialogs.canceled, filePaths: dialogs.open }),
    showSaveDialog: async () => ({ canceled: dialogs.canceled, filePath: dialogs.save }),
    showMessageBox: async () => ({ response: dialogs.confirm })
  },
  shell: { openExternal: async (url: string) => void dialogs.opened.push(url) }
}))

const { registerHost } = await import('../../../src/main/electron/host')

function setup() {
  const on = new Map<string, (e: unknown, arg?: unknown) => void>()
  const handle = new Map<string, (e: unknown, arg?: unknown) => Promise<unknown>>()
  const grants = new PathGrants()
  registerHost(
    { on: (c: string, h: never) => on.set(c, h), handle: (c: string, h: never) => handle.set(c, h) } as never,
    grants,
    undefined,
    () => null
  )
  const frame = { url: 'file:///app/index.html' }
  const appEvent = (): { sender: { mainFrame: unknown }; senderFrame: unknown; returnValue?: unknown } => ({ sender: { mainFrame: frame }, senderFrame: frame })
  const foreign = { sender: { mainFrame: { url: 'https://evil.example/' } }, senderFrame: { url: 'https://evil.example/' } }
  return { on, handle, grants, appEvent, foreign }
}

describe('host bridge', () => {
  it('grants dropped paths only for the app frame', () => {
    const { on, grants, appEvent, foreign } = setup()
    on.get(HOST_CHANNELS.grantPath)!({ ...foreign, returnValue: undefined }, '/secret')
    expect(grants.allows('/secret')).toBe(false)
    const e = appEvent()
    on.get(HOST_CHANNELS.grantPath)!(e, '/home/me/dropped.txt')
    expect(e.returnValue).toBe(true)
    expect(grants.allows('/home/me/dropped.txt')).toBe(true)
  })

  it('grants what the open dialog returns', async () => {
    const { handle, grants, appEvent } = setup()
    dialogs.canceled = false
    dialogs.open = ['/data/articles']
    expect(await handle.get(HOST_CHANNELS.chooseImportPaths)!(appEvent())).toEqual(['/data/articles'])
    expect(grants.allows('/data/articles/a.txt')).toBe(true)
  })

  it('writes exports only where the save dialog said, atomically', async () => {
    const { handle, appEvent, foreign } = setup()
    const dir = tempDir()
    dialogs.canceled = false
    dialogs.save = join(dir, 'chronology.md')
    const request = { suggestedName: '../../etc/evil.md', content: '# Chronology\n', mediaType: 'text/markdown' }
    expect(await handle.get(HOST_CHANNELS.saveFile)!(foreign, request)).toBeNull()
    expect(existsSync(dialogs.save)).toBe(false)
    expect(await handle.get(HOST_CHANNELS.saveFile)!(appEvent(), request)).toBe(dialogs.save)
    expect(readFileSync(dialogs.save, 'utf8')).toBe('# Chronology\n')
    dialogs.canceled = true
    expect(await handle.get(HOST_CHANNELS.saveFile)!(appEvent(), request)).toBeNull()
  })

  it('grants exactly the backup file the save dialog chose, for the app frame only', async () => {
    const { handle, grants, appEvent, foreign } = setup()
    const choose = handle.get(HOST_CHANNELS.chooseBackupPath)!
    dialogs.canceled = false
    dialogs.save = '/backups/archive.tar'
    expect(await choose(foreign)).toBeNull()
    expect(grants.allows('/backups/archive.tar')).toBe(false)
    expect(await choose(appEvent())).toBe('/backups/archive.tar')
    expect(grants.allows('/backups/archive.tar')).toBe(true)
    expect(grants.allows('/backups/other.tar')).toBe(false)
    dialogs.canceled = true
    expect(await choose(appEvent())).toBeNull()
  })

  it('opens only confirmed http(s) links in the system browser', async () => {
    const { handle, appEvent, foreign } = setup()
    const open = handle.get(HOST_CHANNELS.openExternal)!
    dialogs.opened = []
    dialogs.confirm = 0
    expect(await open(appEvent(), 'javascript:alert(1)')).toBe(false)
    expect(await open(appEvent(), 'file:///etc/passwd')).toBe(false)
    expect(await open(appEvent(), 'data:text/html,hi')).toBe(false)
    expect(await open(foreign, 'https://example.org/')).toBe(false)
    dialogs.confirm = 1
    expect(await open(appEvent(), 'https://example.org/a')).toBe(false)
    dialogs.confirm = 0
    expect(await open(appEvent(), 'https://example.org/b')).toBe(true)
    expect(dialogs.opened).toEqual(['https://example.org/b'])
  })
})
