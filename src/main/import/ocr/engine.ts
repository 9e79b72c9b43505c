import Tesseract from 'tesseract.js'
import { languageFolder, ocrLanguages, type OcrLanguageFile } from './languages'

/** One recognised word and how sure the engine is of it (0–100). */
export interface OcrWord {
  text: string
  confidence: number
}

/** A paragraph as the engine laid it out: its lines, and its words in reading order. */
export interface OcrParagraph {
  lines: string[]
  words: OcrWord[]
}

/** What the engine read on one page image. */
export interface OcrPage {
  paragraphs: OcrParagraph[]
}

/**
 * Worker options that keep Tesseract off the network: languages come from a local folder (a
 * path, never a URL, so the engine reads files rather than fetching), nothing is cached back to
 * disk, and the core and worker scripts resolve from node_modules (the Node defaults).
 */
export function offlineWorkerOptions(langPath: string): Partial<Tesseract.WorkerOptions> {
  return { langPath, cacheMethod: 'none', gzip: true, legacyCore: false, legacyLang: false }
}

/** A started engine: recognises page images one at a time. */
export interface OcrEngine {
  readonly languages: readonly string[]
  recognize(image: Uint8Array): Promise<OcrPage>
  terminate(): Promise<void>
}

/** Starts an engine reading every installed language (see languages.ts). */
export async function startOcrEngine(langs: readonly OcrLanguageFile[] = ocrLanguages()): Promise<OcrEngine> {
  const folder = languageFolder(langs)
  const codes = langs.map((l) => l.code)
  let worker: Tesseract.Worker
  try {
    worker = await Tesseract.createWorker(codes, Tesseract.OEM.LSTM_ONLY, offlineWorkerOptions(folder.dir))
  } finally {
    // The data is in the engine's memory once it has started; the copies are not needed again.
    folder.remove()
  }
  return {
    languages: codes,
    async recognize(image) {
      const result = await worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength), {}, { blocks: true, text: false })
      return toPage(result.data)
    },
    async terminate() {
      await worker.terminate()
    }
  }
}

function toPage(page: Tesseract.Page): OcrPage {
  const paragraphs: OcrParagraph[] = []
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      const lines = para.lines.map((l) => l.words.map((w) => w.text).join(' ')).filter((l) => l.trim().length > 0)
      const words = para.lines.flatMap((l) => l.words).filter((w) => w.text.trim().length > 0).map((w) => ({ text: w.text, confidence: w.confidence }))
      if (lines.length > 0) paragraphs.push({ lines, words })
    }
  }
  return { paragraphs }
}

let shared: Promise<OcrEngine> | null = null

/**
 * The engine of this process, started on first use: a parse worker that never meets a scan
 * never pays for the 20 MB of model and WebAssembly, and one that meets many starts it once.
 */
export function sharedOcrEngine(): Promise<OcrEngine> {
  shared ??= startOcrEngine().catch((err: unknown) => {
    shared = null
    throw err
  })
  return shared
}

/** Stops the process's engine, if one was started (tests and benchmarks that end their process cleanly). */
export async function stopSharedOcrEngine(): Promise<void> {
  const engine = shared
  shared = null
  if (engine) await (await engine).terminate()
}
