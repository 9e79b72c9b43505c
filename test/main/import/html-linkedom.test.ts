import { Event } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { hasListenerMap, parseHTML, registrationDeferred } from '../../../src/main/import/html/linkedom'

interface Target {
  addEventListener(type: string, listener: (e: { currentTarget: unknown }) => void, options?: { once?: boolean }): void
  removeEventListener(type: string, listener: (e: { currentTarget: unknown }) => void): void
  dispatchEvent(event: unknown): boolean
}
interface Doc {
  document: {
    body: Target & object
    querySelector(selector: string): (Target & { firstChild: object; parentNode: object }) | null
    createElement(name: string): Target & object
  }
}

const page = (): Doc['document'] => (parseHTML('<!DOCTYPE html><html><body><div id="a"><p id="b">Text <em>here</em></p></div></body></html>') as unknown as Doc).document

describe('linkedom as the importer uses it', () => {
  it('creates nodes without a listener map', () => {
    expect(registrationDeferred).toBe(true)
    const document = page()
    const p = document.querySelector('#b')!
    for (const node of [document, document.body, p, p.firstChild, document.createElement('span')]) expect(hasListenerMap(node)).toBe(false)
  })

  it('still dispatches events: bubbling, once, removal, on nodes that listen', () => {
    const document = page()
    const div = document.querySelector('#a')!
    const p = document.querySelector('#b')!
    const heard: string[] = []
    const onP = (): void => void heard.push('p')
    const onDiv = (e: { currentTarget: unknown }): void => void heard.push(e.currentTarget === div ? 'div' : 'wrong target')
    p.addEventListener('ping', onP)
    div.addEventListener('ping', onDiv)
    p.addEventListener('ping', () => heard.push('p once'), { once: true })
    expect(hasListenerMap(p)).toBe(true)
    p.dispatchEvent(new Event('ping', { bubbles: true }))
    p.dispatchEvent(new Event('ping', { bubbles: false }))
    p.removeEventListener('ping', onP)
    p.dispatchEvent(new Event('ping', { bubbles: true }))
    expect(heard).toEqual(['p', 'p once', 'div', 'p', 'div'])
    // Removing from a node that never listened is a no-op, as in a browser.
    expect(() => document.body.removeEventListener('ping', onP)).not.toThrow()
  })
})
