import { describe, expect, it } from 'vitest'
import { killImportRounds } from '../../support/kill-import'

// The full 20-kill, 2,000-file version runs in `npm run test:stress` (test/stress/kill-import.test.ts).
describe('SIGKILL during import (short)', () => {
  it('leaves a healthy archive of complete articles after each of 3 kills, and a re-run adds exactly the rest', async () => {
    const rounds = await killImportRounds({ files: 200, rounds: 3, seed: 3, mode: 'fresh' })
    expect(rounds).toHaveLength(3)
    console.table(rounds)
  }, 120_000)
})
