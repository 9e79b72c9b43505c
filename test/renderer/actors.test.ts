import { describe, expect, it } from 'vitest'
import type { EntitySummary, NamedKind } from '../../src/shared/entities'
import { actorSuggestions, withName } from '../../src/renderer/src/lib/actors'

function entity(id: number, kind: NamedKind, name: string, aliases: string[] = [], mentions = 1, hidden = false): EntitySummary {
  return { id, kind, name, aliases: [name, ...aliases], mentions, articles: 1, hidden, lat: null, lon: null, country: null }
}

const none = { person: '', org: '', place: '' }

describe('actors offered from cited passages', () => {
  it('groups by kind, most mentioned first, each entity once', () => {
    const found = [entity(1, 'person', 'Ana Lima', [], 2), entity(2, 'org', 'Harbour Authority'), entity(3, 'person', 'Olek Petrenko', ['Олег Петренко'], 9), entity(1, 'person', 'Ana Lima', [], 2), entity(4, 'place', 'Odesa')]
    const s = actorSuggestions(found, none, new Set())
    expect(s.person.map((e) => e.name)).toEqual(['Olek Petrenko', 'Ana Lima'])
    expect(s.org.map((e) => e.id)).toEqual([2])
    expect(s.place.map((e) => e.id)).toEqual([4])
  })

  it('leaves out what the field names already in any spelling, the dismissed and the hidden', () => {
    const found = [entity(3, 'person', 'Olek Petrenko', ['Олег Петренко']), entity(5, 'person', 'Mira Sand'), entity(6, 'person', 'Ghost', [], 1, true), entity(7, 'place', 'Olek Petrenko')]
    const s = actorSuggestions(found, { person: 'someone, олег петренко ', org: '', place: '' }, new Set([5]))
    expect(s.person).toEqual([])
    // Only the person field counts against a person: a place of the same name is still offered.
    expect(s.place.map((e) => e.id)).toEqual([7])
  })

  it('adds a name after those typed, tidying a trailing comma', () => {
    expect(withName('', 'Odesa')).toBe('Odesa')
    expect(withName('Kyiv', 'Odesa')).toBe('Kyiv, Odesa')
    expect(withName('Kyiv, ', 'Odesa')).toBe('Kyiv, Odesa')
  })
})
