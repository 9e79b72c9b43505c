import { isApiMethod, methodAccess, type AnnalistApi, type AnnalistEvents, type ApiEvent } from '../shared/api'
import { AnnalistError, toErrorInfo } from '../shared/errors'
import type { Envelope } from '../shared/envelope'
import { toWire } from '../shared/wire'
import type { ImportReport } from '../shared/types'
import { config, locales } from 'zod/mini'
import { apiArgs } from '../shared/contract'
import type { Archive } from './archive/archive'
import { archiveApi } from './api/archive'
import { defaultRecentFile, RecentArchives } from './archive/recent'
import { articlesApi } from './api/articles'
import { articleTagsApi } from './api/article-tags'
import { chronologyApi } from './api/chronology'
import { entitiesApi, prepareEntities } from './api/entities'
import { exportApi } from './api/export'
import type { BackendContext } from './api/context'
import { importApi, importRunner } from './api/import'
import { maintenanceApi } from './api/maintenance'
import { originalsApi } from './api/originals'
import { searchApi } from './api/search'

// The contract is written with zod/mini, which carries no messages of its own; refusals name the reason in English.
config(locales.en())

type Listener<E extends ApiEvent> = (payload: AnnalistEvents[E]) => void

/** The backend behind both transports: the API implementation plus an event hub. */
export interface Backend {
  readonly api: AnnalistApi
  /**
   * Validates the raw argument, runs the method, and wraps the result in an envelope. A method
   * that writes is refused (`archive-locked`) on an archive opened read-only.
   */
  invoke(method: string, rawArg: unknown): Promise<Envelope<unknown>>
  /** `invoke`, its envelope as wire text (shared/wire.ts): what the HTTP server sends. */
  invokeWire(method: string, rawArg: unknown): Promise<string>
  on<E extends ApiEvent>(event: E, listener: Listener<E>): () => void
  readonly archive: Archive
  /**
   * Imports files the browser-mode server received and wrote itself (outside the contract: the
   * page names them by upload id, never by path). Each is recorded by its name, not its path.
   */
  importUploads(files: UploadedFile[], batchId?: string): Promise<Envelope<ImportReport>>
  /** Replaces the open archive (closing the old one). */
  switchArchive(next: Archive): void
  close(): void
}

/** A file the browser-mode server wrote from an upload, and the name it arrived under. */
export interface UploadedFile {
  name: string
  path: string
}

/** Options of createBackend. */
export interface BackendOptions {
  /** The recent-archives list file (default `<userData>/recent-archives.json`; tests pass a temp file). */
  recentArchivesFile?: string
  /** The archive the app was started with (default: the initial archive's folder). */
  homeDir?: string
  /** The separate sample archive's folder (see firstrun.ts); without it there is none to offer or remove. */
  sampleArchiveDir?: string
}

/** Builds the backend over an open archive. */
export function createBackend(initial: Archive, options: BackendOptions = {}): Backend {
  prepareEntities(initial)
  let archive = initial
  const activity = { imports: 0 }
  const switchArchive = (next: Archive): void => {
    if (activity.imports > 0 && next !== archive) {
      throw new AnnalistError('conflict', 'an import is still running in this archive: wait for it or cancel it, then switch')
    }
    const old = archive
    if (old !== next) prepareEntities(next)
    archive = next
    if (old !== next) old.close()
  }
  const listeners = new Map<ApiEvent, Set<Listener<ApiEvent>>>()
  const ctx: BackendContext = {
    get archive() {
      return archive
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload)
    },
    activity
  }
  const imports = importRunner(ctx)
  const api = {
    ...archiveApi(ctx, {
      recent: new RecentArchives(options.recentArchivesFile ?? defaultRecentFile()),
      switchArchive,
      homeDir: options.homeDir ?? initial.dir,
      ...(options.sampleArchiveDir ? { sampleDir: options.sampleArchiveDir } : {})
    }),
    ...importApi(imports),
    ...exportApi(ctx),
    ...maintenanceApi(ctx),
    ...articlesApi(ctx),
    ...articleTagsApi(ctx),
    ...originalsApi(ctx),
    ...chronologyApi(ctx),
    ...entitiesApi(ctx),
    ...searchApi(ctx),
    ...maintenanceApi(ctx)
  } satisfies AnnalistApi

  return {
    api,
    get archive() {
      return archive
    },
    async invoke(method, rawArg) {
      try {
        if (!isApiMethod(method)) throw new AnnalistError('invalid-argument', `unknown method ${method}`)
        if (archive.readonly && methodAccess(method) === 'write') {
          throw new AnnalistError('archive-locked', `${method} changes the archive, and ${archive.dir} is open read-only: another process holds it`)
        }
        const parsed = apiArgs[method].safeParse(rawArg ?? {})
        if (!parsed.success) {
          const issue = parsed.error.issues[0]
          const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
          throw new AnnalistError('invalid-argument', `${method}: ${issue?.message ?? 'invalid argument'}${where}`)
        }
        const fn = api[method] as (arg: unknown) => Promise<unknown>
        return { ok: true, value: await fn(parsed.data) }
      } catch (err) {
        return { ok: false, error: toErrorInfo(err) }
      }
    },
    async invokeWire(method, rawArg) {
      const envelope = await this.invoke(method, rawArg)
      try {
        return toWire(envelope)
      } catch (err) {
        // A value JSON cannot write still gets an answer, not a call left waiting.
        return toWire({ ok: false, error: toErrorInfo(err) })
      }
    },
    async importUploads(files, batchId) {
      try {
        return { ok: true, value: await imports.run(files.map((f) => ({ kind: 'upload' as const, ...f })), batchId) }
      } catch (err) {
        return { ok: false, error: toErrorInfo(err) }
      }
    },
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener as Listener<ApiEvent>)
      return () => set.delete(listener as Listener<ApiEvent>)
    },
    switchArchive,
    close() {
      archive.close()
    }
  }
}
