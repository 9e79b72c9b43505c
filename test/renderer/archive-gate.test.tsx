import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AnnalistError } from '../../src/shared/errors'
import type { ArchiveInfo } from '../../src/shared/types'
import { createConnectionMonitor } from '../../src/renderer/src/api/connection'
import { ArchiveGate } from '../../src/renderer/src/components/ArchiveGate'
import { tokenFromPaste } from '../../src/renderer/src/components/TokenScreen'
import { DataProvider } from '../../src/renderer/src/data/DataProvider'
import { usePersistentState } from '../../src/renderer/src/lib/persist'
import { fakeClient } from './support/fake-client'

afterEach(() => {
  cleanup()
  localStorage.clear()
})

const info = (id: string, path: string): ArchiveInfo => ({ id, path, sample: false }) as unknown as ArchiveInfo

function OpenArticle(): React.JSX.Element {
  const [open, setOpen] = usePersistentState<number | null>('reader.open', null)
  return (
    <button type="button" onClick={() => setOpen(7)}>
      {open === null ? 'nothing open' : `article ${open} open`}
    </button>
  )
}

describe('ArchiveGate', () => {
  it('keeps UI state per archive: another archive starts with its own, and the first one’s comes back', async () => {
    let current = info('aaa', '/a')
    const fake = fakeClient({ getArchiveInfo: () => current })
    const switchTo = (next: ArchiveInfo): void => {
      current = next
      fake.emit('archiveChanged', next)
    }
    render(
      <DataProvider client={fake.client}>
        <ArchiveGate>
          <OpenArticle />
        </ArchiveGate>
      </DataProvider>
    )
    fireEvent.click(await screen.findByText('nothing open'))
    await screen.findByText('article 7 open')
    expect(JSON.parse(localStorage.getItem('annalist.ui.aaa.reader.open')!)).toBe(7)

    act(() => switchTo(info('bbb', '/b')))
    await screen.findByText('nothing open')
    act(() => switchTo(info('aaa', '/a')))
    await screen.findByText('article 7 open')
  })

  it('shows the token screen, not an empty workbench, when the server refuses the token', async () => {
    const fake = fakeClient({
      getArchiveInfo: () => {
        throw new AnnalistError('unauthorized', 'missing or wrong API token')
      }
    })
    render(
      <DataProvider client={fake.client}>
        <ArchiveGate>
          <OpenArticle />
        </ArchiveGate>
      </DataProvider>
    )
    await screen.findByRole('heading', { name: 'This page’s key was not accepted' })
    expect(screen.queryByText('nothing open')).toBeNull()
  })

  it('shows the "opened without its key" screen at once when the page has no token', async () => {
    const fake = fakeClient({ getArchiveInfo: () => info('aaa', '/a') })
    render(
      <DataProvider client={fake.client} connection={createConnectionMonitor(async () => 'ok', { tokenGiven: false })}>
        <ArchiveGate>
          <OpenArticle />
        </ArchiveGate>
      </DataProvider>
    )
    await screen.findByRole('heading', { name: 'This page was opened without its key' })
  })
})

describe('tokenFromPaste', () => {
  it('takes the token from a pasted URL or a bare token, and nothing else', () => {
    expect(tokenFromPaste(' http://127.0.0.1:4100/#token=AbC_def-0123456789xyzXYZ ')).toBe('AbC_def-0123456789xyzXYZ')
    expect(tokenFromPaste('AbC_def-0123456789xyzXYZ')).toBe('AbC_def-0123456789xyzXYZ')
    expect(tokenFromPaste('http://127.0.0.1:4100/')).toBeNull()
    expect(tokenFromPaste('hello')).toBeNull()
  })
})
