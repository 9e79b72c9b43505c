import { describe, expect, it } from 'vitest'
import { killChronologyRounds } from '../support/kill-chronology'

describe('SIGKILL during 1,500 chronology edits', () => {
  it('after each of 15 kills at random points: check is healthy, every event complete, nothing committed lost, undo/redo intact', async () => {
    const started = Date.now()
    const rounds = await killChronologyRounds({ rounds: 15, seed: 15 })
    expect(rounds).toHaveLength(15)
    console.table(rounds)
    console.log(`15 kill rounds in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }, 900_000)
})
