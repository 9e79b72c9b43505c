import { describe, expect, it } from 'vitest'
import { killImportRounds } from '../support/kill-import'

describe('SIGKILL during a 2,000-file import', () => {
  it('after each of 20 kills at random points: check is healthy, articles are complete, a re-run adds exactly the missing files', async () => {
    const started = Date.now()
    const rounds = await killImportRounds({ files: 2000, rounds: 20, seed: 20, mode: 'cumulative' })
    expect(rounds).toHaveLength(21)
    console.table(rounds)
    console.log(`20 kill rounds in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }, 900_000)
})
