import { fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { resolveWorkerEntry } from '../../../src/main/import/worker-pool'
import { MISBEHAVING_PARSER } from './support'
import { tempDir } from '../../support/tmp'

const IMPORTER = join(__dirname, '../../fixtures/import/processes/importer.mjs')

/** The process's state letter and CPU ticks (user + system); null once it is gone. */
function stat(pid: number): { state: string; ticks: number } | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return { state: fields[0]!, ticks: Number(fields[11]) + Number(fields[12]) }
  } catch {
    return null
  }
}

/** Gone, or a zombie nobody reaps (this machine's pid 1 does not). */
const ended = (pid: number): boolean => (stat(pid)?.state ?? 'Z') === 'Z'

async function until(done: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms
  while (!done() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50))
  return done()
}

describe.runIf(process.platform === 'linux')('a parse worker whose importer dies', () => {
  it('ends itself even while its parser spins', { timeout: 90_000 }, async () => {
    const entry = resolveWorkerEntry(pathToFileURL(join(__dirname, '../../../src/main/import/worker-pool.ts')).href)
    const importer = fork(IMPORTER, [entry.file, JSON.stringify(entry.execArgv), JSON.stringify({ parserModule: MISBEHAVING_PARSER }), tempDir()], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc']
    })
    const pid = Number(await new Promise<string>((resolve) => importer.stdout!.once('data', (d: Buffer) => resolve(String(d).trim()))))
    try {
      // Spinning: a quarter second of CPU more than when the task was sent, so the worker's own
      // event loop no longer turns to hear that its channel closed.
      const sent = stat(pid)!.ticks
      expect(await until(() => (stat(pid)?.ticks ?? 0) >= sent + 25, 60_000)).toBe(true)
      importer.kill('SIGKILL')
      expect(await until(() => ended(pid), 20_000)).toBe(true)
    } finally {
      importer.kill('SIGKILL')
      if (!ended(pid)) process.kill(pid, 'SIGKILL')
    }
  })
})
