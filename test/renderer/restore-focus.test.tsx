import { act, cleanup, render } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { useRestoreFocus } from '../../src/renderer/src/lib/useRestoreFocus'

afterEach(cleanup)

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()))

function Dialog({ onClose, fallback }: { onClose(): void; fallback?: () => HTMLElement | null }): React.JSX.Element {
  useRestoreFocus(fallback)
  return (
    <div role="dialog">
      <button type="button" autoFocus onClick={onClose}>
        Close
      </button>
    </div>
  )
}

function Page({ keepOpener }: { keepOpener: boolean }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  return (
    <>
      {(keepOpener || !open) && (
        <button type="button" onClick={() => setOpen(true)}>
          Open
        </button>
      )}
      <button type="button" id="next">
        Next
      </button>
      {open && <Dialog onClose={() => setOpen(false)} fallback={() => document.getElementById('next')} />}
    </>
  )
}

describe('useRestoreFocus', () => {
  it('gives focus back to the control that opened the dialog', async () => {
    const view = render(<Page keepOpener />)
    const opener = view.getByText('Open')
    opener.focus()
    act(() => opener.click())
    view.getByText('Close').focus()
    act(() => view.getByText('Close').click())
    await act(frame)
    expect(document.activeElement).toBe(view.getByText('Open'))
  })

  it('goes to the fallback when the opener went away with it, never to the body', async () => {
    const view = render(<Page keepOpener={false} />)
    const opener = view.getByText('Open')
    opener.focus()
    act(() => opener.click())
    view.getByText('Close').focus()
    act(() => view.getByText('Close').click())
    await act(frame)
    expect(document.activeElement).toBe(document.getElementById('next'))
  })

  it('leaves focus the user already moved elsewhere', async () => {
    const view = render(<Page keepOpener />)
    view.getByText('Open').focus()
    act(() => view.getByText('Open').click())
    const next = document.getElementById('next')!
    act(() => {
      next.focus()
      view.getByText('Close').click()
    })
    await act(frame)
    expect(document.activeElement).toBe(next)
  })
})
