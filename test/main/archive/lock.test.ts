import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ChildProcess } from 'node:child_process'
import { openArchive } from '../../../src/main/archive/archive'
import { acquireLock } from '../../../src/main/archive/lock'
import { exitCode, killHard, spawnScript, waitForLine } from '../../support/child'
import { tempDir } from '../../support/tmp'

const children: ChildProcess[] = []
afterEach(async () => {
  await Promise.all(children.splice(0).map(killHard))
})

function child(mode: 'archive' | 'lock', target: string): ChildProcess {
  const c = spawnScript('hold-archive.ts', [mode, target])
  children.push(c)
  return c
}

function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(done.stdout)
}

describe('single-writer lock', () => {
  it('refuses a second writer with the holder PID, and lets it in once the holder is SIGKILLed', async () => {
    const dir = join(tempDir(), 'archive')
    const holder = child('archive', dir)
    const line = await waitForLine(holder, /^(ready|refused)/)
    expect(line).toBe(`ready ${holder.pid}`)

    expect(() => openArchive(dir)).toThrow(`archive is in use by PID ${holder.pid}`)
    const readonly = openArchive(dir, { readonly: true })
    readonly.close()

    await killHard(holder)
    const archive = openArchive(dir)
    expect(JSON.parse(readFileSync(join(dir, 'archive.lock'), 'utf8')).pid).toBe(process.pid)
    archive.close()
    expect(existsSync(join(dir, 'archive.lock'))).toBe(false)
  })

  it('makes a child process wait its turn while this process holds the archive', async () => {
    const dir = join(tempDir(), 'archive')
    const archive = openArchive(dir)
    const second = child('archive', dir)
    expect(await waitForLine(second, /^(ready|refused)/)).toBe(`refused archive is in use by PID ${process.pid} (lock file ${join(dir, 'archive.lock')})`)
    expect(await exitCode(second)).toBe(3)
    archive.close()
  })

  it('replaces a lock whose PID is dead', () => {
    const file = join(tempDir(), 'archive.lock')
    writeFileSync(file, JSON.stringify({ pid: deadPid(), host: hostname(), since: '2020-01-01T00:00:00Z' }))
    const lock = acquireLock(file)
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid)
    lock.release()
    expect(existsSync(file)).toBe(false)
  })

  it.skipIf(process.platform !== 'linux')('replaces a lock whose PID was recycled by another process', () => {
    const file = join(tempDir(), 'archive.lock')
    writeFileSync(file, JSON.stringify({ pid: process.ppid, host: hostname(), since: '2020-01-01T00:00:00Z', started: '1' }))
    const lock = acquireLock(file)
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  it('treats a live PID on another host as in use', () => {
    const file = join(tempDir(), 'archive.lock')
    writeFileSync(file, JSON.stringify({ pid: 1, host: 'elsewhere.example', since: '2020-01-01T00:00:00Z' }))
    expect(() => acquireLock(file)).toThrow(
      `archive is in use by PID 1 on elsewhere.example (lock file ${file}; if Annalist is no longer running there, delete that file)`
    )
  })

  it('waits out an unreadable lock while it may still be being written, then replaces it', () => {
    const file = join(tempDir(), 'archive.lock')
    writeFileSync(file, '')
    expect(() => acquireLock(file)).toThrow(/being opened by another process/)
    const old = new Date(Date.now() - 60_000)
    utimesSync(file, old, old)
    acquireLock(file).release()
  })

  it('does not remove a lock it no longer owns on release', () => {
    const file = join(tempDir(), 'archive.lock')
    const lock = acquireLock(file)
    writeFileSync(file, JSON.stringify({ pid: 1, host: hostname(), since: 'later' }))
    lock.release()
    expect(existsSync(file)).toBe(true)
  })

  it('lets exactly one of several processes racing for a stale lock win', async () => {
    const file = join(tempDir(), 'archive.lock')
    writeFileSync(file, JSON.stringify({ pid: deadPid(), host: hostname(), since: '2020-01-01T00:00:00Z' }))
    const racers = [0, 1, 2, 3].map(() => child('lock', file))
    const lines = await Promise.all(racers.map((r) => waitForLine(r, /^(ready|refused)/)))
    expect(lines.filter((l) => l.startsWith('ready'))).toHaveLength(1)
    const winner = Number(lines.find((l) => l.startsWith('ready'))!.split(' ')[1])
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(winner)
    for (const l of lines.filter((l) => l.startsWith('refused'))) expect(l).toContain(`archive is in use by PID ${winner}`)
  })
})
