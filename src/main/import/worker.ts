import { pathToFileURL } from 'node:url'
import { IMPORT_FAILURE_CODES, type ImportFailureCode } from '../../shared/types'
import { boilerplateKey, paragraphFingerprints } from './dedupe/shingles'
import { ImportError } from './errors'
import { parseSourceFile, type FormatResult, type SourceFile } from './formats'
import { writeOriginal, type WrittenOriginal } from './originals-durable'
import type { ParsePageProgress, ParseReply, ParseTask, WorkerInit } from './worker-protocol'

type Parse = (file: SourceFile) => FormatResult | Promise<FormatResult>

/**
 * Import worker, a child process of the importer: parses one file at a time, computes the
 * paragraph fingerprints, and writes the original under its hash (the importer then makes it
 * durable before committing the row that points at it).
 */
async function main(): Promise<void> {
  const send = process.send?.bind(process)
  if (!send) throw new Error('the import worker must be started by the import pool (child_process.fork)')
  // Whoever started us is gone (closed the pool, or was killed): nothing is left to do.
  process.on('disconnect', () => process.exit(0))
  const init = JSON.parse(process.argv[2] ?? '{}') as WorkerInit
  let parse: Parse = parseSourceFile
  if (init.parserModule) {
    const mod = (await import(pathToFileURL(init.parserModule).href)) as { parseSourceFile: Parse }
    parse = mod.parseSourceFile
  }
  process.on('message', (task: ParseTask) => {
    const onPage = (done: number, total: number): void => {
      send({ id: task.id, page: { done, total } } satisfies ParsePageProgress)
    }
    void handle(task, parse, onPage)
      .catch((err: unknown): ParseReply => ({
        id: task.id,
        ok: false,
        code: 'parse-failed',
        message: `${task.name}: ${err instanceof Error ? err.message : String(err)}`
      }))
      .then((reply) => send(reply))
  })
  send({ ready: true })
}

function failureCode(err: unknown): ImportFailureCode {
  if (err instanceof ImportError) return err.code
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && (IMPORT_FAILURE_CODES as readonly string[]).includes(code)
    ? (code as ImportFailureCode)
    : 'parse-failed'
}

async function handle(task: ParseTask, parse: Parse, onPage: SourceFile['onPage']): Promise<ParseReply> {
  let result: FormatResult
  try {
    result = await parse({ name: task.name, bytes: task.bytes, mtime: task.mtimeMs === null ? null : new Date(task.mtimeMs), onPage })
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const code = failureCode(err)
    // Parser messages usually name the file; make sure every one does.
    return { id: task.id, ok: false, code, message: message.includes(task.name) ? message : `${task.name}: ${message}` }
  }
  if (result.article.paragraphs.length === 0) {
    return { id: task.id, ok: false, code: 'empty', message: `${task.name} has no text after cleaning` }
  }
  let original: WrittenOriginal
  try {
    original = writeOriginal(task.originalsDir, task.bytes, task.sha256)
  } catch (err) {
    return { id: task.id, ok: false, code: 'storage-failed', message: `${task.name}: original could not be stored: ${(err as Error).message}` }
  }
  const analysis = result.article.paragraphs.map((p) => ({
    fingerprints: paragraphFingerprints(p.text),
    boilerplateKey: boilerplateKey(p.text)
  }))
  return { id: task.id, ok: true, mediaType: result.mediaType, article: result.article, analysis, original }
}

void main()
