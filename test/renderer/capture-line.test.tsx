import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { CaptureLine } from '../../src/renderer/src/views/CaptureLine'

afterEach(cleanup)

const file = { sha256: 'a'.repeat(64), name: 'crawl.wacz', size: 1000, mediaType: 'application/wacz', originalPath: null, importedAt: '2026-12-02T10:00:00Z' }

describe('capture provenance in the Reader', () => {
  it('says when, from where, with what and where in the file an article was captured, in UTC', () => {
    render(
      <CaptureLine
        article={{
          capture: { tool: 'wacz', url: 'https://courier.example/a', capturedAt: '2021-08-31T14:02:11Z', software: 'Browsertrix 1.0', member: 'archive/data.warc.gz', offset: 1200 },
          attachedTo: null,
          file
        }}
        onOpenArticle={() => undefined}
      />
    )
    expect(screen.getByLabelText('Capture provenance').textContent).toBe(
      'Captured 31 Aug 2021 14:02 UTC from https://courier.example/a · WACZ web archive (Browsertrix 1.0) · archive/data.warc.gz byte 1200 of crawl.wacz'
    )
  })

  it('links an attachment to its message, and shows nothing for an article that is no capture', () => {
    const opened: number[] = []
    render(
      <CaptureLine
        article={{ capture: { tool: 'mbox', url: null, capturedAt: '2021-08-31T07:00:00Z', software: null, member: 'plan.pdf', offset: 0 }, attachedTo: 7, file }}
        onOpenArticle={(id) => opened.push(id)}
      />
    )
    fireEvent.click(screen.getByRole('button', { name: 'attached to its message' }))
    expect(opened).toEqual([7])
    cleanup()
    const { container } = render(<CaptureLine article={{ capture: null, attachedTo: null, file }} onOpenArticle={() => undefined} />)
    expect(container.innerHTML).toBe('')
  })
})
