import { describe, expect, it } from 'vitest'
import { eventQuery, NO_FILTERS } from '../../src/renderer/src/views/chronology/useChronology'

describe('chronology filters as an event query', () => {
  it('filters by organisation and by one entity in any spelling', () => {
    expect(eventQuery(4, { ...NO_FILTERS, organisation: ' Harbour Authority ', entityId: '12', entityName: 'Olek Petrenko' })).toEqual({ chronologyId: 4, organisation: 'Harbour Authority', entityId: 12 })
    expect(eventQuery(null, { ...NO_FILTERS, entityName: 'stale name only' })).toEqual({})
  })
})
