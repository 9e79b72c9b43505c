import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { originalPath } from '../../../src/main/archive/originals'
import type { ParseReply, ParseTask } from '../../../src/main/import/worker-protocol'
import { ParsePool } from '../../../src/main/import/worker-pool'
import { LOOK_MS } from '../../../src/main/platform/awake-clock'
import { tempDir } from '../../support/tmp'
import { MISBEHAVING_PARSER } from './support'

const LIMIT_MS = 600_000

afterEach(() => vi.restoreAllMocks())

describe('ParsePool.close', () => {
  it('clears the time limit of a running task, so a cancelled import can exit at once', async () => {
    const setSpy = vi.spyOn(globalThis, 'setTimeout')
    const clearSpy = vi.spyOn(globalThis, 'clearTimeout')
    const pool = new ParsePool({ size: 1, timeoutMs: LIMIT_MS, parserModule: MISBEHAVING_PARSER })
    const bytes = Buffer.from('Never parsed\n\nThe parser spins on this file.')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    void pool.run({ id: 0, name: 'x-hang.txt', bytes, mtimeMs: null, sha256, originalsDir: tempDir() })
    // The task is running once the worker is up and its time limit has been set (a timer that
    // looks at the task's clock every LOOK_MS until the limit). The pool's other timers of that
    // length (whether a task has turned slow) do not hold the process: they are unref'd.
    const limitTimers = (): NodeJS.Timeout[] =>
      setSpy.mock.calls.flatMap((call, i) => {
        const timer = setSpy.mock.results[i]!.value as NodeJS.Timeout
        return call[1] === LOOK_MS && timer.hasRef() ? [timer] : []
      })
    while (limitTimers().length === 0) await new Promise((resolve) => setImmediate(resolve))
    const armed = limitTimers()
    await pool.close()
    const cleared = new Set(clearSpy.mock.calls.map((call) => call[0]))
    // Those armed before the close, and any still holding the process after it.
    expect([...armed, ...limitTimers()].every((timer) => cleared.has(timer))).toBe(true)
  })
})

/** A task for a small text file named `name`, its original to be written in `originalsDir`. */
function textTask(id: number, name: string, originalsDir: string): ParseTask {
  const bytes = Buffer.from(`Story ${id}\n\nThe text of story ${id}, written for the pool's tests.`)
  return { id, name, bytes, mtimeMs: null, sha256: createHash('sha256').update(bytes).digest('hex'), originalsDir }
}

describe('ParsePool sends tasks ahead', () => {
  it('gives a worker its next files at once, so it parses them while the importer is busy', async () => {
    const dir = tempDir()
    const pool = new ParsePool({ size: 1, timeoutMs: LIMIT_MS, parserModule: null })
    try {
      expect((await pool.run(textTask(0, 'first.txt', dir))).ok).toBe(true)
      const tasks = [1, 2, 3, 4, 5].map((i) => textTask(i, `story-${i}.txt`, dir))
      const replies = tasks.map((t) => pool.run(t))
      // The importer's thread is busy (a commit): no answer is read and no task handed out
      // meanwhile. With one task per worker only the first of these would be written.
      const until = Date.now() + 20_000
      const written = (): boolean => tasks.every((t) => existsSync(originalPath(dir, t.sha256)))
      while (!written() && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10)
      expect(written()).toBe(true)
      expect((await Promise.all(replies)).map((r) => r.ok)).toEqual([true, true, true, true, true])
    } finally {
      await pool.close()
    }
  })

  it('sends nothing more to a worker whose file has taken long, so the other worker takes the rest', async () => {
    await withTwoIdleWorkers(async (pool, dir) => {
      void pool.run(textTask(2, 'c-stall.txt', dir))
      await new Promise((resolve) => setTimeout(resolve, 1200))
      const rest = Promise.all([3, 4, 5].map((i) => pool.run(textTask(i, `story-${i}.txt`, dir))))
      expect(await parsedSoon(rest)).toBe('parsed')
    })
  })

  it('takes back a file sent behind one that turns out slow, and gives it to the other worker', async () => {
    await withTwoIdleWorkers(async (pool, dir) => {
      // Sent together: the stalled file to one worker, a file of 2 s to the other, and the story
      // behind the one that began first, the stalled file.
      void pool.run(textTask(2, 'c-stall.txt', dir))
      void pool.run(textTask(3, 'd-idle.txt', dir))
      expect(await parsedSoon(pool.run(textTask(4, 'story-4.txt', dir)))).toBe('parsed')
    })
  })
})

/** Runs `body` on a pool of two workers (the test parser), both started and idle. */
async function withTwoIdleWorkers(body: (pool: ParsePool, dir: string) => Promise<void>): Promise<void> {
  const dir = tempDir()
  const pool = new ParsePool({ size: 2, timeoutMs: LIMIT_MS, parserModule: MISBEHAVING_PARSER })
  try {
    await Promise.all([pool.run(textTask(0, 'a.txt', dir)), pool.run(textTask(1, 'b.txt', dir))])
    await body(pool, dir)
  } finally {
    await pool.close()
  }
}

/** 'parsed' once every reply is an answer, or what kept it: a failure, or waiting 15 s behind the stalled file. */
function parsedSoon(replies: Promise<ParseReply | ParseReply[]>): Promise<string> {
  const outcome = replies.then((r) => [r].flat().find((reply) => !reply.ok)?.message ?? 'parsed')
  return Promise.race([outcome, new Promise<string>((resolve) => setTimeout(resolve, 15_000, 'waiting behind the stalled file'))])
}
