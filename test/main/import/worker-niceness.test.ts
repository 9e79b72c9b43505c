import { createHash } from 'node:crypto'
import { constants, getPriority, setPriority } from 'node:os'
import { describe, expect, it } from 'vitest'
import { ParsePool } from '../../../src/main/import/worker-pool'
import { tempDir } from '../../support/tmp'
import { MISBEHAVING_PARSER } from './support'

// In a file of its own: the test lowers the priority of the process running it, for good.
describe('parse worker priority', () => {
  it.runIf(process.platform === 'linux')("runs the workers below the importer's own priority, never above it", async () => {
    // An importer started with `nice`: the workers must go lower still, not back up to a fixed value.
    const own = Math.min(constants.priority.PRIORITY_LOW, getPriority() + 5)
    setPriority(own)
    const pool = new ParsePool({ size: 1, timeoutMs: 600_000, parserModule: MISBEHAVING_PARSER })
    try {
      const bytes = Buffer.from('A story\n\nIts worker says how nice it runs.')
      const reply = await pool.run({ id: 0, name: 'x-priority.txt', bytes, mtimeMs: null, sha256: createHash('sha256').update(bytes).digest('hex'), originalsDir: tempDir() })
      expect(reply.ok && reply.parts[0]!.article.title).toBe(`niceness ${Math.min(constants.priority.PRIORITY_LOW, own + 10)}`)
    } finally {
      await pool.close()
    }
  })
})
