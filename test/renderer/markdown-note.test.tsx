import { cleanup, fireEvent, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Markdown } from '../../src/renderer/src/components/Markdown'

afterEach(cleanup)

function note(text: string, opened: string[] = []): HTMLElement {
  return render(<Markdown text={text} onLink={(url) => opened.push(url)} />).container
}

describe('event notes as Markdown', () => {
  it('renders emphasis and keeps a single line break', () => {
    const el = note('Gates opened **13 March**\nsecond line')
    expect(el.querySelector('strong')?.textContent).toBe('13 March')
    expect(el.querySelectorAll('br')).toHaveLength(1)
    expect(el.textContent).toBe('Gates opened 13 Marchsecond line')
  })

  it('shows raw HTML as text and loads no image', () => {
    const el = note('<script>alert(1)</script> <img src=x onerror=alert(2)> ![map](https://example.org/map.png)')
    expect(el.querySelector('script, img, iframe')).toBeNull()
    expect(el.textContent).toContain('<script>alert(1)</script>')
  })

  it('links only to http(s), opened through the app, never by the page', () => {
    const opened: string[] = []
    const el = note('[source](https://example.org/a) [bad](javascript:alert(1)) [file](file:///etc/passwd)', opened)
    const links = el.querySelectorAll('a')
    expect([...links].map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a'])
    const click = fireEvent.click(links[0]!)
    expect(click).toBe(false)
    expect(opened).toEqual(['https://example.org/a'])
    expect(el.textContent).toContain('[bad](javascript:alert(1))')
  })

  it('renders lists and quotes with their text', () => {
    const el = note('- one\n- two\n\n> quoted')
    expect([...el.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['one', 'two'])
    expect(el.querySelector('blockquote')?.textContent).toBe('quoted')
  })
})
