import { describe, expect, it } from 'vitest'
import { listed, quoted } from '../../src/shared/listing'

describe('listed', () => {
  it('joins names as prose and counts those past the maximum', () => {
    expect(listed([])).toBe('')
    expect(listed(['A'])).toBe('A')
    expect(listed(['A', 'B'])).toBe('A and B')
    expect(listed(['A', 'B', 'C'])).toBe('A, B and C')
    expect(listed(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more')
    expect(listed(['A', 'B', 'C'], 2)).toBe('A, B and 1 more')
    expect(quoted('Gates opened')).toBe('“Gates opened”')
  })
})
