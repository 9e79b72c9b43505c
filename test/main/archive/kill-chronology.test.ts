import { describe, expect, it } from 'vitest'
import { killChronologyRounds } from '../../support/kill-chronology'

// The 15-kill version runs in `npm run test:stress` (test/stress/kill-chronology.test.ts).
describe('SIGKILL during chronology edits (short)', () => {
  it('leaves a healthy archive of complete events after each of 4 kills, nothing reported committed lost, undo/redo intact', async () => {
    const rounds = await killChronologyRounds({ rounds: 4, seed: 11 })
    expect(rounds).toHaveLength(4)
    expect(rounds.at(-1)!.events).toBeGreaterThan(0)
    console.table(rounds)
  }, 180_000)
})
