import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { COMMON_IDS_LATER_MS, IdleSearchWarmup, SEARCH_WARM_IDLE_MS, type WarmableEngine } from '../../../src/main/host/search-warmup'
import type { CommonIdsStep } from '../../../src/main/search/common-ids'

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
    },
    needsCommonIds: () => false,
    warmCommonIds: () => 'done'
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

  it('says the reader is busy while the vocabulary and entities load, and only then', () => {
    const { state, engine } = fakeEngine()
    const said: string[] = []
    const warmup = new IdleSearchWarmup(
      () => ({ ...engine, warm: () => (said.push(`warm ${state.warmed}`), engine.warm()) }),
      false,
      () => undefined,
      (loading) => said.push(loading ? 'busy' : 'free')
    )
    warmup.reset()
    vi.advanceTimersByTime(SEARCH_WARM_IDLE_MS)
    expect(said).toEqual(['busy', 'warm 0', 'free'])
    // Warm already: nothing loads, nothing is said.
    call(warmup, state, true)
    vi.advanceTimersByTime(10 * SEARCH_WARM_IDLE_MS)
    expect(said).toHaveLength(3)
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
      () => ({
        meta: () => null as never,
        hasMeta: () => true,
        needsWarm: () => true,
        warm: () => {
          throw new Error('disk gone')
        },
        needsCommonIds: () => false,
        warmCommonIds: () => 'done'
      }),
      false,
      (err) => failures.push(err.message)
    )
    warmup.reset()
    vi.advanceTimersByTime(SEARCH_WARM_IDLE_MS)
    expect(failures).toEqual(['disk gone'])
  })

  it('loads the common words in steps between calls, and waits while the archive moves', () => {
    const { state, engine } = fakeEngine()
    // Five steps of loading, one of them finding the archive moving.
    const outcomes: CommonIdsStep[] = ['more', 'later', 'more', 'more', 'done']
    const steps: CommonIdsStep[] = []
    const stepping: WarmableEngine = {
      ...engine,
      needsCommonIds: () => steps.length < outcomes.length,
      warmCommonIds: () => {
        const outcome = outcomes[steps.length]!
        steps.push(outcome)
        return outcome
      }
    }
    const warmup = new IdleSearchWarmup(() => stepping, false, () => undefined)
    warmup.reset()
    vi.advanceTimersByTime(SEARCH_WARM_IDLE_MS)
    // The first step, then the next at once ('more'), which found the archive moving.
    expect(state.warmed).toBe(1)
    // A timer of 0 ms runs after 1 ms.
    vi.advanceTimersByTime(1)
    expect(steps).toEqual(['more', 'later'])
    vi.advanceTimersByTime(COMMON_IDS_LATER_MS - 1)
    expect(steps).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(steps).toHaveLength(3)
    // A call stops the steps; once idle again they go on, without loading the caches again.
    call(warmup, state, true)
    vi.advanceTimersByTime(SEARCH_WARM_IDLE_MS - 1)
    expect(steps).toHaveLength(3)
    vi.advanceTimersByTime(1)
    vi.advanceTimersByTime(2)
    expect(steps).toEqual(outcomes)
    expect(state.warmed).toBe(1)
    // Nothing left: calls schedule nothing more.
    call(warmup, state, true)
    vi.advanceTimersByTime(10 * COMMON_IDS_LATER_MS)
    expect(steps).toHaveLength(5)
  })
})
