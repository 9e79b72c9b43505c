import { pathToFileURL } from 'node:url'
import { IMPORT_FAILURE_CODES, type ImportFailureCode } from '../../shared/types'
import { paragraphKeys } from '../text/shingles'
import { digestText } from '../archive/article-body'
import { layoutParagraphs } from '../archive/parsed-article'
import { extractParagraphMentions } from '../entities/extract'
import { distinctTokens } from '../../shared/tokens'
import { ImportError } from './errors'
import { parseImportFile, type FormatResult, type SourceFile } from './formats'
import type { ContainerResult, RecordProgress } from './formats/container'
import { writeOriginal, type WrittenOriginal } from './originals-durable'
import { exitWithParent } from './parent-watch'
import type { ParsedPart, ParseProgress, ParseReply, ParseRevoke, ParseTask, WorkerInit } from './worker-protocol'

type Parse = (file: SourceFile, onRecord: RecordProgress) => Promise<ContainerResult>

/** Least time between two record-progress messages of one task. */
const RECORD_PROGRESS_MS = 100

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
  exitWithParent()
  const init = JSON.parse(process.argv[2] ?? '{}') as WorkerInit
  let parse: Parse = parseImportFile
  if (init.parserModule) {
    // A test parser exports parseImportFile (containers, record progress) or parseSourceFile (one article per file).
    const mod = (await import(pathToFileURL(init.parserModule).href)) as { parseImportFile?: Parse; parseSourceFile?: (file: SourceFile) => FormatResult | Promise<FormatResult> }
    const single = mod.parseSourceFile
    if (mod.parseImportFile) parse = mod.parseImportFile
    else if (single) {
      parse = async (file) => {
        const result = await single(file)
        return { mediaType: result.mediaType, parts: [{ label: '', result, attachedTo: null }], failed: [], passedOver: {} }
      }
    }
  }
  // The pool sends tasks ahead of their answers: they are parsed one at a time, in the order
  // sent, so the pool knows which one a crash or an overrun belongs to. Each waits for a turn of
  // the event loop first: chained straight on the last one, it ran as a microtask, and the
  // worker neither wrote its answers out nor read new tasks until it had none left (the writer
  // got answers in bursts and the workers sat idle a third of the time).
  let queue: Promise<void> = Promise.resolve()
  // Tasks received and not begun, by id. A revoke takes out only such a copy: one for a task
  // begun already is stale (the pool's slow-file timer fired after a long commit, its answer still
  // in the pipe), and kept it would have skipped the copy the pool sends next, leaving that file
  // to hang until its time limit.
  const waiting = new Map<number, ParseTask>()
  process.on('message', (message: ParseTask | ParseRevoke) => {
    if ('revoke' in message) {
      waiting.delete(message.revoke)
      return
    }
    const task = message
    waiting.set(task.id, task)
    queue = queue
      .then(() => new Promise((turn) => setImmediate(turn)))
      .then(() => {
        if (waiting.get(task.id) !== task) return
        waiting.delete(task.id)
        return runTask(task, parse, send)
      })
  })
  send({ ready: true })
}

/** Parses one task and sends its answer, with progress while it runs. */
function runTask(task: ParseTask, parse: Parse, send: NonNullable<typeof process.send>): Promise<void> {
  let last = 0
  const onRecord = (records: number): void => {
    const now = Date.now()
    if (now - last < RECORD_PROGRESS_MS) return
    last = now
    send({ id: task.id, records } satisfies ParseProgress)
  }
  const onPage = (done: number, total: number): void => {
    send({ id: task.id, page: { done, total } } satisfies ParseProgress)
  }
  return handle(task, parse, onRecord, onPage)
    .catch((err: unknown): ParseReply => ({
      id: task.id,
      ok: false,
      code: 'parse-failed',
      message: `${task.name}: ${err instanceof Error ? err.message : String(err)}`
    }))
    .then((reply) => void send(reply))
}

/**
 * What the writer would otherwise compute from the article's text on its own thread: the digest
 * it stores, and the search words the vocabulary drain counts (both unused if it drops paragraphs).
 */
function digestAndWords(article: ParsedPart['article']): Pick<ParsedPart, 'digest' | 'searchWords'> {
  const { text } = layoutParagraphs(article.paragraphs)
  return { digest: digestText(text), searchWords: [...distinctTokens(article.title, article.dek, text)].join(' ') }
}

function failureCode(err: unknown): ImportFailureCode {
  if (err instanceof ImportError) return err.code
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && (IMPORT_FAILURE_CODES as readonly string[]).includes(code)
    ? (code as ImportFailureCode)
    : 'parse-failed'
}

async function handle(task: ParseTask, parse: Parse, onRecord: RecordProgress, onPage: SourceFile['onPage']): Promise<ParseReply> {
  let result: ContainerResult
  try {
    result = await parse({ name: task.name, bytes: task.bytes, mtime: task.mtimeMs === null ? null : new Date(task.mtimeMs), onPage }, onRecord)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const code = failureCode(err)
    // Parser messages usually name the file; make sure every one does.
    return { id: task.id, ok: false, code, message: message.includes(task.name) ? message : `${task.name}: ${message}` }
  }
  // Containers never yield an empty part (ContainerBuilder refuses it); a single file may.
  if (result.parts.some((p) => p.result.article.paragraphs.length === 0)) {
    return { id: task.id, ok: false, code: 'empty', message: `${task.name} has no text after cleaning` }
  }
  // Analysed before the original is written, so an original on disk means its answer is ready.
  const parts = result.parts.map(({ label, result: { article }, attachedTo }) => {
    // One read of the whole article, so names known in one paragraph are known in the others.
    const mentions = extractParagraphMentions(
      article.paragraphs.map((p) => p.text),
      article.language
    )
    return {
      label,
      article,
      analysis: article.paragraphs.map((p, i) => ({ ...paragraphKeys(p.text), mentions: mentions[i]! })),
      ...digestAndWords(article),
      attachedTo
    }
  })
  let original: WrittenOriginal
  try {
    original = writeOriginal(task.originalsDir, task.bytes, task.sha256)
  } catch (err) {
    return { id: task.id, ok: false, code: 'storage-failed', message: `${task.name}: original could not be stored: ${(err as Error).message}` }
  }
  return {
    id: task.id,
    ok: true,
    mediaType: result.mediaType,
    parts,
    failed: result.failed,
    passedOver: result.passedOver,
    original
  }
}

void main()
