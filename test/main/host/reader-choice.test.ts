import { describe, expect, it } from 'vitest'
import { chooseReader, SHORT_CALL_MS, type ReaderState } from '../../../src/main/host/reader-choice'

const NOW = 1_000_000
const idle = (ready = true): ReaderState => ({ ready, pending: 0, oldestSentAt: Infinity })
const busy = (sinceMs: number, ready = true): ReaderState => ({ ready, pending: 1, oldestSentAt: NOW - sinceMs })

describe('chooseReader', () => {
  it('takes an idle ready reader before any other', () => {
    expect(chooseReader([busy(1), idle(false), idle()], NOW, true)).toBe(2)
  })

  it('queues behind a ready reader on a short call rather than wait for one still starting', () => {
    expect(chooseReader([busy(5), idle(false)], NOW, true)).toBe(0)
    // Of two ready readers on short calls, the one whose call started last.
    expect(chooseReader([busy(30), busy(10), idle(false)], NOW, true)).toBe(1)
  })

  it('sends the call to a starting reader when the ready ones are on long calls', () => {
    expect(chooseReader([busy(SHORT_CALL_MS + 1), idle(false)], NOW, true)).toBe(1)
    expect(chooseReader([idle(false)], NOW, true)).toBe(0)
  })

  it('starts a new reader when all are on long calls and the pool may grow', () => {
    expect(chooseReader([busy(SHORT_CALL_MS), busy(SHORT_CALL_MS + 5)], NOW, true)).toBe('new')
    expect(chooseReader([], NOW, true)).toBe('new')
  })

  it('queues behind a short call rather than wait for a new reader to start', () => {
    expect(chooseReader([busy(SHORT_CALL_MS + 5), busy(SHORT_CALL_MS - 5)], NOW, true)).toBe(1)
  })

  it('at the ceiling, picks the reader whose oldest call is the most recent, not the one with fewest calls', () => {
    const check: ReaderState = { ready: true, pending: 1, oldestSentAt: NOW - 5_000 }
    const searches: ReaderState = { ready: true, pending: 3, oldestSentAt: NOW - 20 }
    expect(chooseReader([check, searches], NOW, false)).toBe(1)
  })
})
