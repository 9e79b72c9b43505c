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
      return pageOf(result.data)
    },
    async terminate() {
      await worker.terminate()
    }
  }
}

/** Confidence below which a word of punctuation alone is taken for a speck of dirt or noise. */
const SPECK_CONFIDENCE = 60

/**
 * A word worth keeping: anything with a letter or a digit, and punctuation the engine is sure
 * of. Grain, dust and noise come out as unsure dots, colons and dashes between the words.
 */
function isWord(w: Tesseract.Word): boolean {
  const text = w.text.trim()
  return text.length > 0 && (/[\p{L}\p{N}]/u.test(text) || w.confidence >= SPECK_CONFIDENCE)
}

interface PlacedLine {
  text: string
  words: OcrWord[]
  top: number
  bottom: number
  /** Set when the engine starts a new paragraph or block with this line. */
  opens: boolean
}

/**
 * The engine's paragraphs, split again wherever a blank line's worth of space separates two
 * lines: the engine often runs a headline into the paragraph under it, and an empty line is
 * how printed pages part paragraphs.
 */
export function pageOf(page: Tesseract.Page): OcrPage {
  const lines: PlacedLine[] = []
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      let opens = true
      for (const line of para.lines) {
        const words = line.words.filter(isWord).map((w) => ({ text: w.text, confidence: w.confidence }))
        if (words.length === 0) continue
        lines.push({ text: words.map((w) => w.text).join(' '), words, top: line.bbox.y0, bottom: line.bbox.y1, opens })
        opens = false
      }
    }
  }
  const heights = lines.map((l) => l.bottom - l.top).sort((a, b) => a - b)
  const usual = heights[Math.floor(heights.length / 2)] ?? 0
  const paragraphs: OcrParagraph[] = []
  lines.forEach((line, i) => {
    const prev = lines[i - 1]
    const gap = prev ? line.top - prev.bottom : 0
    const current = paragraphs[paragraphs.length - 1]
    if (!current || line.opens || gap > usual * 0.9) paragraphs.push({ lines: [line.text], words: [...line.words] })
    else {
      current.lines.push(line.text)
      current.words.push(...line.words)
    }
  })
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
