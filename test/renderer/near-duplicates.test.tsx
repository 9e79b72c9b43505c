import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { NearDuplicates } from '../../src/renderer/src/views/NearDuplicates'

afterEach(cleanup)

const links = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ articleId: 100 + i, title: `Story ${i}`, outlet: i % 2 ? 'Wire' : null, sharedParagraphs: n - i, paragraphs: [] }))

describe('near-duplicates in the Reader', () => {
  it('shows the three most shared, folds the rest behind a button, and opens any', () => {
    const opened: number[] = []
    render(<NearDuplicates nearDuplicates={links(8)} onOpenArticle={(id) => opened.push(id)} />)
    const list = screen.getByRole('list', { name: 'Near-duplicates' })
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Shares 8 paragraphs with Story 0',
      'Shares 7 paragraphs with Story 1 (Wire)',
      'Shares 6 paragraphs with Story 2'
    ])
    const more = screen.getByRole('button', { name: 'Show 5 more articles sharing paragraphs' })
    expect(more.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(more)
    expect(within(list).getAllByRole('listitem')).toHaveLength(8)
    fireEvent.click(screen.getByRole('button', { name: 'Story 7' }))
    expect(opened).toEqual([107])
    fireEvent.click(screen.getByRole('button', { name: 'Show fewer' }))
    expect(within(list).getAllByRole('listitem')).toHaveLength(3)
  })

  it('lists a few without a button, and nothing for an article that shares none', () => {
    render(<NearDuplicates nearDuplicates={links(3)} onOpenArticle={() => undefined} />)
    expect(screen.getAllByRole('listitem')).toHaveLength(3)
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull()
    cleanup()
    const { container } = render(<NearDuplicates nearDuplicates={[]} onOpenArticle={() => undefined} />)
    expect(container.innerHTML).toBe('')
  })
})
