/**
 * A backend thread. The writer owns the writable archive and the whole backend (imports, edits,
 * undo, archive switching) and forwards its events; a reader answers read calls on a read-only
 * connection of the same archive. Calls start in the order they arrive; an async one (an import)
 * lets later ones run between its steps, as in a single-threaded backend.
 */
import { pathToFileURL } from 'node:url'
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { API_EVENTS } from '../../shared/api'
import { toErrorInfo } from '../../shared/errors'
import { openArchive } from '../archive/archive'
import { archiveId } from '../archive/repo/identity'
import { createBackend, type Backend } from '../backend'
import { offerSampleArchive, type SampleOutcome } from '../firstrun'
import { clockMs, type HostRequest, type WorkerData, type WorkerInit, type WorkerMessage, type WorkerRole } from './protocol'
import { searchEngine } from '../search/engine'
import { START_DRAIN_DELAY_MS, SearchUpkeep } from './search-upkeep'
import { IdleSearchWarmup } from './search-warmup'
import { passOpenGate } from './open-gate'

if (!parentPort) throw new Error('the backend worker runs only as a worker thread')
const port: MessagePort = parentPort
const post = (message: WorkerMessage): void => port.postMessage(message)
const init = await initOf(workerData as WorkerData)

type InstrumentFn = (backend: Backend, role: WorkerRole, data: unknown) => Backend

/** The thread's init: its workerData, or for a prestarted thread the host's first message (having loaded its code meanwhile). */
function initOf(data: WorkerData): Promise<WorkerInit> {
  if (!('prestarted' in data)) return Promise.resolve(data)
  return new Promise((resolve) => {
    // Only the host that takes the thread writes to it, and its init comes first.
    const first = (m: HostRequest): void => {
      if (m.type !== 'init') return
      port.off('message', first)
      resolve(m.init)
    }
    port.on('message', first)
  })
}

async function start(): Promise<void> {
  const writer = init.role === 'writer'
  if (init.openGate && !passOpenGate(init.openGate)) {
    // The writer could not open the archive: end without having touched it.
    port.close()
    return
  }
  const archive = openArchive(init.dir, { readonly: !writer })
  let sample: SampleOutcome | null = null
  try {
    // Only the archive the app started with is offered the sample, not one a restarted writer reopens.
    if (writer && init.sample && init.dir === init.homeDir) sample = await offerSampleArchive(archive, init.sample)
  } catch (err) {
    archive.close()
    throw err
  }
  let backend = createBackend(archive, {
    homeDir: init.homeDir,
    ...(init.recentArchivesFile ? { recentArchivesFile: init.recentArchivesFile } : {}),
    ...(init.sample ? { sampleArchiveDir: init.sample.archiveDir } : {})
  })
  if (init.instrument) {
    const mod = (await import(pathToFileURL(init.instrument.module).href)) as { instrument: InstrumentFn }
    backend = mod.instrument(backend, init.role, init.instrument.data)
  }
  const upkeep = writer ? new SearchUpkeep(() => backend.archive) : null
  const warmup = writer
    ? null
    : new IdleSearchWarmup(
        () => searchEngine(backend.archive.db),
        init.spare === true,
        // Caches load on first use instead; the archive's own errors reach that call.
        (err) => process.stderr.write(`annalist: search caches not warmed in ${backend.archive.dir}: ${err.message}\n`),
        (loading) => post({ type: 'busy', since: loading ? clockMs() : null })
      )
  // The first drain also checks the search index against the articles, and saves the article
  // columns an archive imported by the CLI may not have yet (search-upkeep.ts START_DRAIN_DELAY_MS).
  upkeep?.schedule(START_DRAIN_DELAY_MS)
  if (writer) {
    for (const event of API_EVENTS) {
      backend.on(event, (payload) => post({ type: 'event', event, payload }))
    }
    backend.on('importProgress', (progress) => upkeep?.importProgressed(progress))
  }
  port.on('message', (m: HostRequest) => {
    switch (m.type) {
      case 'call':
      case 'uploads': {
        if (!writer && m.type === 'call') {
          const engine = searchEngine(backend.archive.db)
          engine.maxStaleMs = init.readerStaleMs
          engine.writesAnswered = m.writes
          warmup?.postpone()
        }
        const startedAt = clockMs()
        const running =
          m.type === 'uploads' ? backend.importUploads(m.files, m.batchId) : m.wire ? backend.invokeWire(m.method, m.arg) : backend.invoke(m.method, m.arg)
        void running.then((envelope) => {
          post({ type: 'reply', seq: m.seq, envelope, startedAt })
          upkeep?.schedule()
          warmup?.resume()
        })
        break
      }
      case 'open':
        backend.switchArchive(openArchive(m.dir, { readonly: true }))
        warmup?.loadMeta()
        warmup?.reset()
        break
      case 'close':
        upkeep?.stop()
        warmup?.stop()
        backend.close()
        post({ type: 'closed' })
        port.close()
        break
    }
  })
  post({ type: 'ready', dir: archive.dir, id: writer ? archiveId(archive.db) : null, sample })
  // Before its first call (messages wait behind this) a reader loads the article columns every
  // search needs (a spare leaves them to its first search). The vocabulary and the article
  // entities (only fuzzy and prefix words and the entity facets need them; facets count in SQL
  // until then) wait until the reader has been idle a moment: loading the vocabulary before
  // answering held the first search 600 ms at 14,000 articles, and a call that arrives meanwhile
  // is answered first.
  warmup?.loadMeta()
  warmup?.reset()
}

start().catch((err: unknown) => {
  post({ type: 'failed', error: toErrorInfo(err) })
  port.close()
})
