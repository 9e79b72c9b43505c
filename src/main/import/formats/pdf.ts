import { getDocumentProxy, getMeta, renderPageAsImage, type StructuredTextItem } from 'unpdf'
import { ImportError } from '../errors'
import { hasInk, MAX_OCR_PAGES, MAX_OCR_SIDE, ocrScale } from '../ocr/raster'
import { attachConfidence, readPages, type OcrText, type PageProgress } from '../ocr/read-pages'
import type { AnalysedArticle, AnalyseOptions, ArticleMeta } from '../text/analyse'
import { normaliseLineForRepetition } from '../text/boilerplate'
import { joinLines, type TextBlock } from '../text/blocks'
import { foldWhitespace, normaliseText } from '../text/normalise'
import { analyseBlocks } from './text'

// Everything pdf.js could fetch or evaluate is off: the data is in memory, fonts are not
// rendered (text extraction needs no glyphs), and no worker script is loaded.
const PDF_OPTIONS = {
  isEvalSupported: false,
  useSystemFonts: false,
  disableFontFace: true,
  useWorkerFetch: false,
  disableAutoFetch: true,
  disableStream: true,
  disableRange: true,
  standardFontDataUrl: undefined,
  cMapUrl: undefined,
  stopAtErrors: false,
  verbosity: 0
}

interface Line {
  text: string
  y: number
  size: number
  right: number
}

function pageLines(items: readonly StructuredTextItem[]): Line[] {
  const lines: Line[] = []
  let current: Line | null = null
  let lastX = 0
  for (const item of items) {
    const str = item.str
    if (current !== null && Math.abs(item.y - current.y) > Math.max(2, item.fontSize * 0.4)) {
      lines.push(current)
      current = null
    }
    if (str.length > 0) {
      if (current === null) current = { text: str, y: item.y, size: item.fontSize, right: item.x + item.width }
      else {
        const gap = item.x - lastX
        current.text += gap > item.fontSize * 0.15 && !current.text.endsWith(' ') && !str.startsWith(' ') ? ' ' + str : str
        current.right = Math.max(current.right, item.x + item.width)
        current.size = Math.max(current.size, item.fontSize)
      }
      lastX = item.x + item.width
    }
    if (item.hasEOL && current !== null) {
      lines.push(current)
      current = null
    }
  }
  if (current !== null) lines.push(current)
  return lines.map((l) => ({ ...l, text: normaliseText(l.text).replace(/\n/g, ' ') })).filter((l) => l.text.trim().length > 0)
}

const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i

/**
 * Groups the lines of one page into paragraphs: a new paragraph starts after a vertical gap
 * clearly larger than the usual line spacing, at a change of font size, or after a line that
 * ends a sentence well short of the right margin. Lone page numbers are dropped.
 */
function lineGaps(lines: readonly Line[]): number[] {
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const g = lines[i - 1]!.y - lines[i]!.y
    if (g > 0) gaps.push(g)
  }
  return gaps
}

/**
 * Median line spacing over the whole document (a short page alone says too little); 0 when
 * there are too few lines for a median to mean anything, and font size stands in.
 */
function usualLineGap(pages: readonly Line[][]): number {
  const gaps = pages.flatMap(lineGaps).sort((a, b) => a - b)
  return gaps.length >= 4 ? gaps[Math.floor(gaps.length / 2)]! : 0
}

/**
 * Running headers and footers: a line that opens or closes at least two pages, and half of
 * them, once digits are folded ("Example Gazette · page 3"), is page furniture.
 */
function withoutRunningLines(pages: Line[][]): Line[][] {
  if (pages.length < 2) return pages
  const edgeKeys = (lines: Line[]): Set<string> =>
    new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => normaliseLineForRepetition(l.text)).filter((k) => k.length > 0))
  const counts = new Map<string, number>()
  for (const lines of pages) for (const key of edgeKeys(lines)) counts.set(key, (counts.get(key) ?? 0) + 1)
  const running = new Set([...counts].filter(([, n]) => n >= 2 && n >= pages.length / 2).map(([k]) => k))
  if (running.size === 0) return pages
  return pages.map((lines) =>
    lines.filter((l, i) => !(i < 2 || i >= lines.length - 2) || !running.has(normaliseLineForRepetition(l.text)))
  )
}

/** A paragraph with the largest font size among its lines. */
type SizedBlock = TextBlock & { size: number }

function pageParagraphs(lines: Line[], page: number, usualGap: number): SizedBlock[] {
  const kept = lines.filter((l) => !PAGE_NUMBER.test(l.text.trim()))
  if (kept.length === 0) return []
  // A loop, not Math.max(...): a crafted page of a million lines would overflow the stack.
  let rightMargin = -Infinity
  for (const l of kept) rightMargin = Math.max(rightMargin, l.right)
  const blocks: SizedBlock[] = []
  let current: string[] = [kept[0]!.text]
  let size = kept[0]!.size
  for (let i = 1; i < kept.length; i++) {
    const prev = kept[i - 1]!
    const line = kept[i]!
    const gap = prev.y - line.y
    const breakHere =
      gap <= 0 ||
      gap > (usualGap > 0 ? usualGap : prev.size * 1.5) * 1.4 ||
      Math.abs(line.size - prev.size) > 0.5 ||
      (/[.!?:"”»]$/.test(prev.text) && prev.right < rightMargin * 0.8)
    if (breakHere) {
      blocks.push({ text: joinLines(current), page, size })
      current = []
      size = 0
    }
    current.push(line.text)
    size = Math.max(size, line.size)
  }
  blocks.push({ text: joinLines(current), page, size })
  return blocks
}

/**
 * Puts the headline first: on page one, a paragraph among the first four set at least 1.25×
 * the usual font size is the headline even when a kicker, section name or date sits above it.
 */
function headlineFirst(blocks: SizedBlock[]): TextBlock[] {
  const sizes = blocks.map((b) => b.size).sort((a, b) => a - b)
  const usual = sizes[Math.floor(sizes.length / 2)] ?? 0
  let at = -1
  for (let i = 0; i < Math.min(4, blocks.length); i++) {
    if (blocks[i]!.page === 1 && blocks[i]!.size >= usual * 1.25 && (at < 0 || blocks[i]!.size > blocks[at]!.size)) at = i
  }
  const ordered = at > 0 ? [blocks[at]!, ...blocks.slice(0, at), ...blocks.slice(at + 1)] : blocks
  return ordered.map(({ text, page }) => ({ text, page }))
}

/** A paragraph cut by a page break continues when it lacks an ending and the next starts lower-case. */
function mergeAcrossPages(blocks: SizedBlock[]): SizedBlock[] {
  const out: SizedBlock[] = []
  for (const b of blocks) {
    const prev = out[out.length - 1]
    if (prev !== undefined && prev.page !== b.page && !/[.!?:"”»]$/.test(prev.text.slice(-1)) && /^\p{Ll}/u.test(b.text)) {
      prev.text = joinLines([prev.text, b.text])
    } else out.push({ ...b })
  }
  return out
}

function usefulInfo(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const v = foldWhitespace(value)
  if (v === '' || /^(?:untitled|unknown|microsoft word\b.*|.*\.(?:docx?|pdf|rtf|odt|indd|qxd))$/i.test(v)) return null
  return v
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>

/** One page's text items, placed (what unpdf's extractTextItems gives for every page at once). */
async function pageTextItems(doc: PdfDocument, page: number): Promise<StructuredTextItem[]> {
  const content = await (await doc.getPage(page)).getTextContent()
  const items: StructuredTextItem[] = []
  for (const item of content.items) {
    if (!('str' in item)) continue
    const [, , c, d, e, f] = item.transform as number[]
    items.push({
      str: item.str,
      x: e!,
      y: f!,
      width: item.width,
      height: item.height,
      fontSize: Math.hypot(c!, d!),
      fontFamily: content.styles[item.fontName]?.fontFamily ?? '',
      dir: item.dir,
      hasEOL: item.hasEOL
    })
  }
  return items
}

/**
 * Every page's text items, page after page, counting pages without text as it goes: a file
 * with more such pages than OCR reads is refused as soon as the count is passed, not after
 * reading 10,000 empty pages (all at once, as extractTextItems does, took 90 s).
 */
async function textItemsByPage(doc: PdfDocument, fileName: string): Promise<StructuredTextItem[][]> {
  const pages: StructuredTextItem[][] = []
  let withoutText = 0
  for (let page = 1; page <= doc.numPages; page++) {
    const items = await pageTextItems(doc, page)
    if (!items.some((i) => i.str.trim().length > 0)) {
      withoutText++
      if (withoutText > MAX_OCR_PAGES) {
        throw new ImportError(
          'too-large',
          `${fileName} has more than ${MAX_OCR_PAGES} pages without a text layer (of ${doc.numPages}); at most ${MAX_OCR_PAGES} are read by OCR from one file (split it)`
        )
      }
    }
    pages.push(items)
  }
  return pages
}

/**
 * Resolution a page without a text layer is rendered at for OCR: print at 10 points gets
 * letters some 20 pixels tall, where the engine reads best, and a Letter page stays under 4
 * million pixels (a third of what 300 dpi costs in time and memory).
 */
const OCR_DPI = 200

/** Width of the sketch a page is first rendered at, to see whether anything is printed on it. */
const SKETCH_WIDTH = 300

/**
 * Renders one page for OCR at OCR_DPI, scaled down to the pixels OCR reads if its page box is
 * huge. A page first rendered as a small sketch that shows nothing (a blank or damaged page) is
 * returned as that sketch, which the reader then skips as blank, at a thirtieth of the cost.
 */
async function renderForOcr(doc: PdfDocument, page: number): Promise<Uint8Array> {
  const box = (await doc.getPage(page)).getViewport({ scale: 1 })
  const sketch = new Uint8Array(await renderPageAsImage(doc, page, { canvasImport: () => import('@napi-rs/canvas'), scale: SKETCH_WIDTH / box.width }))
  if (!(await hasInk(sketch))) return sketch
  const dpi = OCR_DPI / 72
  const scale = Math.min(dpi * ocrScale(box.width * dpi, box.height * dpi), MAX_OCR_SIDE / Math.max(box.width, box.height))
  const png = await renderPageAsImage(doc, page, { canvasImport: () => import('@napi-rs/canvas'), scale })
  return new Uint8Array(png)
}

/** A PDF: its text layer page by page; paragraphs keep their page numbers for citations. */
export async function parsePdf(bytes: Uint8Array, fileName: string, options: AnalyseOptions = {}, progress?: PageProgress): Promise<AnalysedArticle> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  let doc: PdfDocument
  try {
    doc = await getDocumentProxy(new Uint8Array(bytes), PDF_OPTIONS)
  } catch (err) {
    const e = err as Error
    if (e.name === 'PasswordException') throw new ImportError('parse-failed', `${fileName} is password-protected`)
    throw new ImportError('parse-failed', `${fileName} is not a readable PDF (${e.message})`)
  }
  try {
    let pages: StructuredTextItem[][]
    try {
      pages = await textItemsByPage(doc, fileName)
    } catch (err) {
      if (err instanceof ImportError) throw err
      throw new ImportError('parse-failed', `${fileName}: its pages cannot be read (${(err as Error).message})`)
    }
    const lines = withoutRunningLines(pages.map((items) => pageLines(items)))
    const gap = usualLineGap(lines)
    // Pages without a text layer (scans, photographed pages) are read by OCR.
    const scanned = lines.flatMap((l, i) => (l.length === 0 ? [i + 1] : []))
    const ocr: OcrText | null = scanned.length === 0 ? null : await readPages({ pages: scanned, image: (page) => renderForOcr(doc, page) }, fileName, progress)
    const ocrByPage = new Map<number, SizedBlock[]>()
    for (const b of ocr?.blocks ?? []) ocrByPage.set(b.page!, [...(ocrByPage.get(b.page!) ?? []), { text: b.text, page: b.page, size: 0 }])
    const blocks = headlineFirst(mergeAcrossPages(lines.flatMap((l, i) => (l.length > 0 ? pageParagraphs(l, i + 1, gap) : (ocrByPage.get(i + 1) ?? [])))))
    if (blocks.length === 0) {
      throw new ImportError(
        'empty',
        scanned.length === 0 ? `${fileName} has no text` : `${fileName} has no text layer and OCR found no text on its ${scanned.length} page${scanned.length === 1 ? '' : 's'}`
      )
    }
    let meta: ArticleMeta = {}
    try {
      const info = (await getMeta(doc)).info
      meta = { author: usefulInfo(info['Author']) }
    } catch {
      // The document information dictionary is optional; a damaged one costs only the byline.
    }
    const result = analyseBlocks(blocks, fileName, { ...options, meta: { ...meta, ...options.meta } })
    return ocr === null ? result : { ...result, article: attachConfidence(result.article, ocr.words) }
  } finally {
    await doc.loadingTask.destroy()
  }
}
