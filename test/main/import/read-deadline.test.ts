import type { FileHandle } from 'node:fs/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'

const { openMock } = vi.hoisted(() => ({ openMock: vi.fn() }))
vi.mock('node:fs/promises', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:fs/promises')>()), open: openMock }))

const { readBounded } = await import('../../../src/main/import/read')

afterEach(() => openMock.mockReset())

describe('a read abandoned at its deadline', () => {
  it('closes a descriptor whose open completes after the deadline', async () => {
    let opened: (handle: FileHandle) => void = () => undefined
    openMock.mockImplementation(() => new Promise<FileHandle>((resolve) => (opened = resolve)))
    const close = vi.fn(async () => undefined)
    const stat = vi.fn()
    await expect(readBounded('/mnt/hung/late.txt', 'late.txt', 1024, 5)).rejects.toMatchObject({
      code: 'timeout',
      message: 'late.txt could not be read within 0.005 s'
    })
    // The hung mount answers at last: nothing may keep (or read) the descriptor it hands back.
    opened({ close, stat } as unknown as FileHandle)
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1))
    expect(stat).not.toHaveBeenCalled()
  })
})
