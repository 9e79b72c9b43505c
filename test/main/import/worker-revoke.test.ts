import { fork, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { resolveWorkerEntry } from '../../../src/main/import/worker-pool'
import type { ParseReply, ParseRevoke, ParseTask } from '../../../src/main/import/worker-protocol'
import { killHard } from '../../support/child'
import { tempDir } from '../../support/tmp'
import { MISBEHAVING_PARSER } from './support'

const children: ChildProcess[] = []
afterEach(async () => {
  await Promise.all(children.splice(0).map(killHard))
})

/** A parse worker spoken to directly, as the pool speaks to it, and the ids of the answers it sent, in order. */
async function startWorker(): Promise<{ send(m: ParseTask | ParseRevoke): void; answers: number[] }> {
  const entry = resolveWorkerEntry(pathToFileURL(join(__dirname, '../../../src/main/import/worker-pool.ts')).href)
  const child = fork(entry.file, [JSON.stringify({ parserModule: MISBEHAVING_PARSER })], { execArgv: entry.execArgv, serialization: 'advanced' })
  children.push(child)
  const answers: number[] = []
  await new Promise<void>((ready) => {
    child.on('message', (m: ParseReply | { ready: true }) => {
      if ('ready' in m) ready()
      else if ('ok' in m) answers.push(m.id)
    })
  })
  return { send: (m) => child.send(m), answers }
}

/** Waits until `answers` holds `id` (true), or 15 s (false). */
async function answered(answers: readonly number[], id: number): Promise<boolean> {
  const until = Date.now() + 15_000
  while (!answers.includes(id) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20))
  return answers.includes(id)
}

function task(id: number, name: string, originalsDir: string): ParseTask {
  const bytes = Buffer.from(`Story ${id}\n\nThe text of story ${id}, written for the revoke tests.`)
  return { id, name, bytes, mtimeMs: null, sha256: createHash('sha256').update(bytes).digest('hex'), originalsDir }
}

describe('a parse worker told to skip a file', () => {
  it('skips the copy sent ahead that it has not begun, and parses the files after it', async () => {
    const dir = tempDir()
    const worker = await startWorker()
    worker.send(task(1, 'a-idle.txt', dir))
    worker.send(task(2, 'story-2.txt', dir))
    worker.send(task(3, 'story-3.txt', dir))
    worker.send({ revoke: 2 })
    expect(await answered(worker.answers, 3)).toBe(true)
    expect(worker.answers).toEqual([1, 3])
  })

  it('still parses the file sent again after a revoke that came once the first copy was answered', async () => {
    // The pool's slow-file timer can fire after a long commit with the answers already in the
    // pipe: it then takes back a file the worker had parsed, and may send it to this worker again.
    const dir = tempDir()
    const worker = await startWorker()
    worker.send(task(1, 'story-1.txt', dir))
    expect(await answered(worker.answers, 1)).toBe(true)
    worker.send({ revoke: 1 })
    worker.send(task(1, 'story-1.txt', dir))
    worker.send(task(2, 'story-2.txt', dir))
    expect(await answered(worker.answers, 2)).toBe(true)
    expect(worker.answers).toEqual([1, 1, 2])
  })
})
