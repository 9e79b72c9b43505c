import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { startBackendHost, type BackendHost, type CallTiming, type HostOptions } from '../../../src/main/host/host'
import { fromWire } from '../../../src/shared/wire'
import { tempDir } from '../../support/tmp'
import { seed } from '../search/support'
import { CHECKS_RUNNING, GATE_BLOCKED, GATE_RELEASED, GATED_CHECKS_CLOSED, MOST_CHECKS_RUNNING } from './instrument'
import { MAX_LONG_READS } from '../../../src/main/host/host'
import { backendWorkerEntry, prestartedCount, prestartThreads } from '../../../src/main/host/thread'

let hosts: BackendHost[] = []
afterEach(async () => {
  for (const h of hosts) await h.close()
  hosts = []
}, 60_000)

interface Started {
  host: BackendHost
  dir: string
  gate: Int32Array
  logs: string[]
  timings: CallTiming[]
}

async function start(options: Partial<HostOptions> = {}): Promise<Started> {
  const root = tempDir()
  const dir = join(root, 'archive')
  const shared = new SharedArrayBuffer(20)
  const logs: string[] = []
  const timings: CallTiming[] = []
  const host = await startBackendHost({
    archiveDir: dir,
    recentArchivesFile: join(root, 'recent.json'),
    instrument: { module: join(__dirname, 'instrument.ts'), data: shared },
    log: (line) => logs.push(line),
    onCall: (t) => timings.push(t),
    // Each thread loads the backend through tsx here: a small pool keeps the tests quick.
    readers: 1,
    maxReaders: 2,
    ...options
  })
  hosts.push(host)
  return { host, dir, gate: new Int32Array(shared), logs, timings }
}

async function blocked(gate: Int32Array): Promise<void> {
  while (Atomics.load(gate, GATE_BLOCKED) === 0) await new Promise((resolve) => setTimeout(resolve, 5))
}

function release(gate: Int32Array): void {
  Atomics.store(gate, GATE_RELEASED, 1)
  Atomics.notify(gate, GATE_RELEASED)
}

// Every thread loads the backend from source through tsx: seconds each on a loaded machine.
describe('backend host', { timeout: 120_000 }, () => {
  it('answers reads while the writer thread is blocked inside a write', async () => {
    const { host, gate, logs, timings } = await start({ slowCallMs: 0 })
    await host.api.createChronology({ name: 'Floods' })
    let writeDone = false
    const write = host.invoke('createChronology', { name: 'gate' }).then((r) => ((writeDone = true), r))
    await blocked(gate)

    const read = await host.invoke('listChronologies', {})
    expect(read).toMatchObject({ ok: true, value: [{ name: 'Floods' }] })
    expect(await host.api.getArchiveInfo({})).toMatchObject({ chronologyCount: 1 })
    expect(writeDone).toBe(false)

    release(gate)
    expect(await write).toMatchObject({ ok: true, value: { name: 'gate' } })
    expect(await host.api.listChronologies({})).toHaveLength(2)
    // Every answered call is timed and, past the threshold (0 here), logged with its method.
    expect(timings.find((t) => t.method === 'listChronologies')?.thread).toMatch(/^reader \d$/)
    expect(timings.find((t) => t.method === 'createChronology')?.thread).toBe('writer')
    expect(logs.some((l) => /slow call createChronology \d+ ms .* on the writer/.test(l))).toBe(true)
  })

  it('answers a call as wire text as invoke answers it, a long read and its own refusals too', async () => {
    const { host, gate, timings } = await start()
    release(gate)
    expect(fromWire(await host.invokeWire('createChronology', { name: 'Floods' }))).toMatchObject({ ok: true, value: { name: 'Floods' } })
    expect(timings.at(-1)).toMatchObject({ method: 'createChronology', thread: 'writer' })
    for (const [method, arg] of [
      ['listChronologies', {}],
      ['getArticle', { id: 7 }],
      ['noSuchMethod', {}]
    ] as const) {
      expect(fromWire(await host.invokeWire(method, arg))).toEqual(await host.invoke(method, arg))
    }
    // A long read, on a thread of its own.
    expect(fromWire(await host.invokeWire('checkArchive', {}))).toMatchObject({ ok: true, value: { healthy: true, schemaVersion: expect.any(Number) } })
    expect(timings.at(-1)).toMatchObject({ method: 'checkArchive', thread: 'checkArchive thread' })
    await host.close()
    expect(fromWire(await host.invokeWire('listChronologies', {}))).toMatchObject({ ok: false, error: { code: 'cancelled' } })
  })

  it('runs a long read on a thread of its own, which ends after it, while the pool answers the rest', async () => {
    // One reader and no room to grow: on the pool, every read would queue behind the check.
    const { host, gate, timings } = await start({ maxReaders: 1 })
    await host.api.createChronology({ name: 'Floods' })
    const check = host.invoke('checkArchive', {})
    await blocked(gate)

    expect(await host.invoke('listChronologies', {})).toMatchObject({ ok: true, value: [{ name: 'Floods' }] })
    expect(timings.find((t) => t.method === 'listChronologies')?.thread).toBe('reader 1')

    release(gate)
    expect(await check).toMatchObject({ ok: true, value: { healthy: true } })
    expect(timings.find((t) => t.method === 'checkArchive')?.thread).toBe('checkArchive thread')
    while (Atomics.load(gate, GATED_CHECKS_CLOSED) === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(await host.invoke('getArchiveInfo', {})).toMatchObject({ ok: true })
  })

  it('runs at most MAX_LONG_READS long reads at once; the next starts when one ends', async () => {
    const { host, gate, timings } = await start()
    const checks = Array.from({ length: MAX_LONG_READS + 1 }, () => host.invoke('checkArchive', {}))
    while (Atomics.load(gate, CHECKS_RUNNING) < MAX_LONG_READS) await new Promise((resolve) => setTimeout(resolve, 5))
    // Unbounded, the last check's thread would start and block beside them: given 3 s (a thread
    // starts in 0.2–1.3 s), it has not.
    const until = Date.now() + 3000
    while (Date.now() < until && Atomics.load(gate, CHECKS_RUNNING) <= MAX_LONG_READS) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(Atomics.load(gate, CHECKS_RUNNING)).toBe(MAX_LONG_READS)
    release(gate)
    for (const check of await Promise.all(checks)) expect(check).toMatchObject({ ok: true, value: { healthy: true } })
    expect(Atomics.load(gate, MOST_CHECKS_RUNNING)).toBe(MAX_LONG_READS)
    // The one that waited counts its wait from reaching the host: the 3 s above at least.
    expect(Math.max(...timings.filter((t) => t.method === 'checkArchive').map((t) => t.waitMs))).toBeGreaterThanOrEqual(3000)
  })

  it('fails the calls of a crashed writer with a code, restarts it and keeps the archive writable', async () => {
    const { host, logs } = await start()
    await host.api.createChronology({ name: 'Before' })
    const crashed = await host.invoke('createChronology', { name: 'crash' })
    expect(crashed).toMatchObject({ ok: false, error: { code: 'interrupted', message: expect.stringContaining('createChronology') } })
    expect(logs.some((l) => l.includes('writer stopped'))).toBe(true)
    // The restarted writer took over the lock the dead one left, and nothing committed was lost.
    expect(await host.api.createChronology({ name: 'After' })).toMatchObject({ name: 'After' })
    expect((await host.api.listChronologies({})).map((c) => c.name).sort()).toEqual(['After', 'Before'])
  })

  it('fails the call of a crashed reader with a code and answers the next reads', async () => {
    const { host } = await start()
    expect(await host.invoke('getEvent', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'interrupted' } })
    const reads = await Promise.all([1, 2, 3].map(() => host.invoke('getArchiveInfo', {})))
    for (const r of reads) expect(r).toMatchObject({ ok: true })
  })

  it('forwards the writer\'s events to its listeners', async () => {
    const { host } = await start()
    const seen: string[] = []
    const off = host.on('chronologyChanged', () => seen.push('chronologyChanged'))
    host.on('importProgress', (p) => seen.push(`importProgress:${p.batchId.length > 0}`))
    await host.api.createChronology({ name: 'Events' })
    await host.api.importBlobs({ files: [{ name: 'a.txt', bytes: new TextEncoder().encode('Weir\n\nThe river rose.') }] })
    expect(seen).toContain('chronologyChanged')
    expect(seen).toContain('importProgress:true')
    off()
    const before = seen.filter((s) => s === 'chronologyChanged').length
    await host.api.createChronology({ name: 'Unheard' })
    expect(seen.filter((s) => s === 'chronologyChanged').length).toBe(before)
  })

  it('answers a search after an answered write with what that write stored', async () => {
    // Caches may lag a running write for ten minutes here: only the answered write refreshes them.
    const { host } = await start({ readerStaleMs: 600_000 })
    const text = (word: string): Uint8Array => new TextEncoder().encode(`${word}\n\nThe ${word} rose overnight at the weir.\n`)
    expect((await host.api.search({ query: 'weir' })).total).toBe(0)
    // Each import moves the search generation; readers may keep caches across a running import,
    // never across one that has answered.
    for (const [i, word] of ['river', 'canal', 'brook'].entries()) {
      await host.api.importBlobs({ files: [{ name: `${word}.txt`, bytes: text(word) }] })
      // Reads that use no search cache reach the readers first: the next search must still catch up.
      await Promise.all([1, 2, 3, 4].map(() => host.api.listArticles({})))
      expect((await host.api.search({ query: 'weir' })).total).toBe(i + 1)
      expect((await host.api.search({ query: `${word.slice(0, 3)}*` })).total).toBe(1)
    }
  })

  it('rebuilds an index found out of step with the articles after it is ready, and its readers then find them', async () => {
    const root = tempDir()
    const dir = join(root, 'archive')
    const before = openArchive(dir)
    seed(before)
    const seeded = before.db.prepare("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'masood'").pluck().get() as number
    expect(seeded).toBeGreaterThan(0)
    // An index that lost its rows (a restore from an older copy, a tool writing with triggers off).
    before.db.exec("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
    before.close()
    const { host, logs } = await start({ archiveDir: dir, readerStaleMs: 0 })
    let total = -1
    for (const deadline = Date.now() + 60_000; total !== seeded && Date.now() < deadline; ) {
      total = (await host.api.search({ query: 'masood' })).total
      if (total !== seeded) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(total).toBe(seeded)
    expect(logs.filter((l) => l.includes('not checked'))).toEqual([])
  })

  it('takes prestarted threads for its writer and first reader, which answer as threads of its own', async () => {
    prestartThreads(backendWorkerEntry(), ['writer', 'reader'])
    expect(prestartedCount()).toBe(2)
    const { host } = await start()
    expect(prestartedCount()).toBe(0)
    await host.api.importBlobs({ files: [{ name: 'weir.txt', bytes: new TextEncoder().encode('Weir\n\nThe river rose at the weir.\n') }] })
    expect((await host.api.search({ query: 'weir' })).total).toBe(1)
  })

  it('lets the process end with prestarted threads that nobody took', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'support', 'prestart-untaken-child.ts')], { encoding: 'utf8', timeout: 100_000 })
    expect({ status: run.status, out: run.stdout, err: run.stderr }).toEqual({ status: 0, out: 'prestarted 2\n', err: '' })
  })

  it('moves every reader to the archive openArchive switched to', async () => {
    const { host, dir } = await start({ readers: 2, maxReaders: 4 })
    const firstId = host.archiveId
    expect(firstId).toBe((await host.api.getArchiveInfo({})).id)
    await host.api.createChronology({ name: 'Only in the first' })
    const second = join(tempDir(), 'second')
    const changed: string[] = []
    host.on('archiveChanged', (info) => changed.push(info.path))
    const info = await host.api.openArchive({ path: second })
    expect(info.path).toBe(second)
    expect(changed).toEqual([second])
    expect(host.archiveDir).toBe(second)
    expect(host.archiveId).toBe(info.id)
    expect(host.archiveId).not.toBe(firstId)
    // Concurrent reads spread over the readers: each one answers from the new archive.
    const infos = await Promise.all([1, 2, 3, 4].map(() => host.api.getArchiveInfo({})))
    for (const i of infos) expect(i).toMatchObject({ path: second, chronologyCount: 0 })
    expect(await host.api.listChronologies({})).toEqual([])
    // The first archive's lock went with the switch.
    openArchive(dir).close()
  })

  it('fails to start, stopping its readers unopened, when the writer cannot open the archive', async () => {
    const dir = join(tempDir(), 'held')
    const holder = openArchive(dir)
    try {
      await expect(startBackendHost({ archiveDir: dir, recentArchivesFile: join(tempDir(), 'recent.json'), readers: 2 })).rejects.toMatchObject({
        code: 'archive-locked'
      })
    } finally {
      holder.close()
    }
  })

  it('releases the archive on close', async () => {
    const { host, dir } = await start()
    await host.api.createChronology({ name: 'Kept' })
    await host.close()
    const archive = openArchive(dir)
    try {
      expect(archive.db.prepare('SELECT name FROM chronologies').pluck().all()).toEqual(['Kept'])
    } finally {
      archive.close()
    }
    expect(await host.invoke('getArchiveInfo', {})).toMatchObject({ ok: false, error: { code: 'cancelled' } })
  })
})
