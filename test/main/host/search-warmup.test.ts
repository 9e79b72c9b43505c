import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IdleSearchWarmup, SEARCH_WARM_IDLE_MS, type WarmableEngine } from '../../../src/main/host/search-warmup'

/** A search engine that records its warm-ups; a search loads its article columns. */
function fakeEngine() {
  const state = { meta: false, entities: false, warmed: 0 }
  const engine: WarmableEngine = {
    meta: () => {
      state.meta = true
      return null as never
    },
    hasMeta: () => state.meta,
    needsWarm: () => !state.entities,
    warm: () => {
      state.warmed++
      state.meta = state.entities = true
    }
  }
  return { state, engine }
}

/** A call answered by the reader: a search loads the article columns as it runs. */
function call(warmup: IdleSearchWarmup, state: { meta: boolean }, search: boolean): void {
  warmup.postpone()
  if (search) state.meta = true
  warmup.resume()
}

describe('IdleSearchWarmup', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('warms a reader once it has been idle a moment, and not while calls keep coming', () => {
    const { state, engine } = fakeEngine()
    const warmup = new IdleSearchWarmup(() => engine, false, () => undefined)
    warmup.reset()
    vi.advanceTimersByTime(SEARCH_WARM_IDLE_MS - 1)
    call(warmup, state, false)
    vi.advanceTimersByTime(SEARCH_WARM_IDLE_MS - 1)
    expect(state.warmed).toBe(0)
    vi.advanceTimersByTime(1)
    expect(state.warmed).toBe(1)
    call(warmup, state, true)
    vi.advanceTimersByTime(10 * SEARCH_WARM_IDLE_MS)
    expect(state.warmed).toBe(1)
    // The engine dropped its entities (the change log no longer reached back): warm again.
    state.entities = false
    call(warmup, state, true)
    vi.advanceTimersByTime(SEARCH_WARM_IDLE_MS)
    expect(state.warmed).toBe(2)
  })

  it('loads the article columns at once, but not on a spare reader', () => {
    const reader = fakeEngine()
    new IdleSearchWarmup(() => reader.engine, false, () => undefined).loadMeta()
    expect(reader.state.meta).toBe(true)
    const spare = fakeEngine()
    new IdleSearchWarmup(() => spare.engine, true, () => undefined).loadMeta()
    expect(spare.state.meta).toBe(false)
  })

  it('leaves a spare reader cold until it has answered a search', () => {
    const { state, engine } = fakeEngine()
    const warmup = new IdleSearchWarmup(() => engine, true, () => undefined)
    warmup.loadMeta()
    warmup.reset()
    vi.advanceTimersByTime(10 * SEARCH_WARM_IDLE_MS)
    call(warmup, state, false)
    vi.advanceTimersByTime(10 * SEARCH_WARM_IDLE_MS)
    expect(state.warmed).toBe(0)
    call(warmup, state, true)
    vi.advanceTimersByTime(SEARCH_WARM_IDLE_MS)
    expect(state.warmed).toBe(1)
  })

  it('reports a failed warm-up instead of throwing from its timer', () => {
    const failures: string[] = []
    const warmup = new IdleSearchWarmup(
      () => ({ meta: () => null as never, hasMeta: () => true, needsWarm: () => true, warm: () => { throw new Error('disk gone') } }),
      false,
      (err) => failures.push(err.message)
    )
    warmup.reset()
    vi.advanceTimersByTime(SEARCH_WARM_IDLE_MS)
    expect(failures).toEqual(['disk gone'])
  })
})
