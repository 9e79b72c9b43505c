/**
 * OCR accuracy and speed on page images rendered here from text written for this benchmark:
 * character and word error rate (edit distance over the length of the known text) and pages
 * per second, end to end through the import parser (decode, OCR, cleaning), one engine, one
 * thread. Pages: clean scans in three faces and two sizes, a photo-like page (grey paper,
 * rotated 1°, noise, JPEG), a noisier photo, a three-page TIFF and a two-page scanned PDF.
 * Run: `npm run bench:ocr` (or `npx tsx scripts/bench-ocr.ts`).
 */
import { loadavg } from 'node:os'
import { parseSourceFile, type FormatResult } from '../src/main/import/formats'
import { sharedOcrEngine, stopSharedOcrEngine } from '../src/main/import/ocr/engine'
import { errorRates, imagePdf, pageJpeg, pagePng, pagesTiff, renderPage, type PageStyle } from '../test/support/ocr/render-page'

// Written for this benchmark: an invented municipal story in the register of local news.
const STORY: readonly (readonly string[])[] = [
  [
    'Bridge repairs to start in autumn',
    'Work on the Millbrook river bridge will begin on 14 October and last about nine months, the county roads department said on Wednesday, after inspectors found corroded bearings under the eastern span.',
    'Traffic will be limited to one lane in each direction, and lorries heavier than 7.5 tonnes will be sent along the ring road. The department estimates the cost at 3.2 million pounds.',
    'Shop owners on Station Street said they feared losing trade during the busiest months of the year. "We were told about this in a letter last Friday," said Ann Hollis, who runs a bakery near the bridge.'
  ],
  [
    'The council will hold a public meeting at the library on 2 September. Residents can also send questions by post before the end of August.',
    'A temporary footbridge, paid for by the regional transport fund, is due to open two weeks before the works begin, so that pupils of the two schools on the north bank can still walk to class.',
    'Engineers expect the bridge to reopen fully by the summer of next year, weather permitting.'
  ],
  [
    'In a separate statement, the department said that the bus company had agreed to add four early services on route 12 while the works last, and that parking charges at the station would be suspended on weekdays.',
    'Councillor Peter Osei, who chairs the roads committee, said the repairs could not wait: "The report was clear. Every winter we delay, the damage gets worse and the final bill gets bigger."'
  ]
]

interface Case {
  label: string
  name: string
  pages: number
  truth: string
  bytes: Uint8Array
}

const truthOf = (pages: readonly (readonly string[])[]): string => pages.flat().join(' ')

function jpegPage(paragraphs: readonly string[], style?: PageStyle): { jpeg: Uint8Array; width: number; height: number } {
  const canvas = renderPage(paragraphs, style)
  return { jpeg: new Uint8Array(canvas.toBuffer('image/jpeg', 85)), width: canvas.width, height: canvas.height }
}

const single = (label: string, name: string, bytes: Uint8Array, page = 0): Case => ({ label, name, pages: 1, truth: truthOf([STORY[page]!]), bytes })

const CASES: Case[] = [
  single('scan, serif 28 px (≈10 pt at 200 dpi)', 'serif.png', pagePng(STORY[0]!, { font: 'serif', size: 28 })),
  single('scan, sans-serif 24 px', 'sans.png', pagePng(STORY[1]!, { font: 'sans-serif', size: 24 }), 1),
  single('scan, monospace 26 px', 'mono.png', pagePng(STORY[2]!, { font: 'monospace', size: 26 }), 2),
  single('scan, serif 20 px (small print)', 'small.png', pagePng(STORY[0]!, { font: 'serif', size: 20 })),
  single('photo: grey paper, 1° rotation, noise 15%, JPEG', 'photo.jpg', pageJpeg(STORY[1]!, { font: 'sans-serif', size: 28, rotate: 1, noise: 0.15, paper: 230 }, 80), 1),
  single('photo: 2° rotation, noise 25%, JPEG', 'rough.jpg', pageJpeg(STORY[2]!, { font: 'serif', size: 28, rotate: 2, noise: 0.25, paper: 220 }, 70), 2),
  { label: 'three-page TIFF, serif 28 px', name: 'scan.tif', pages: 3, truth: truthOf(STORY), bytes: pagesTiff(STORY) },
  {
    label: 'two-page scanned PDF (JPEG pages, rendered by pdf.js)',
    name: 'scan.pdf',
    pages: 2,
    truth: truthOf(STORY.slice(0, 2)),
    bytes: imagePdf(STORY.slice(0, 2).map((p) => jpegPage(p, { font: 'serif', size: 28 })))
  }
]

const textOf = (r: FormatResult): string => [r.article.title, ...r.article.paragraphs.map((p) => p.text)].join(' ')
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`

console.log(`OCR benchmark (load ${loadavg()[0]!.toFixed(1)}, one engine, LSTM, languages eng+fra)`)
let started = Date.now()
await sharedOcrEngine()
console.log(`engine start: ${Date.now() - started} ms\n`)
console.log('case'.padEnd(56), 'CER'.padStart(7), 'WER'.padStart(7), 'conf'.padStart(6), 'pages/s'.padStart(8))
let pages = 0
let ms = 0
let chars = 0
let charErrors = 0
let words = 0
let wordErrors = 0
for (const c of CASES) {
  started = Date.now()
  const result = await parseSourceFile({ name: c.name, bytes: c.bytes, mtime: null })
  const elapsed = Date.now() - started
  const { cer, wer } = errorRates(c.truth, textOf(result))
  pages += c.pages
  ms += elapsed
  chars += c.truth.length
  charErrors += cer * c.truth.length
  const n = c.truth.split(/\s+/).length
  words += n
  wordErrors += wer * n
  console.log(c.label.padEnd(56), pct(cer).padStart(7), pct(wer).padStart(7), (result.article.ocrConfidence ?? 0).toFixed(0).padStart(6), (c.pages / (elapsed / 1000)).toFixed(2).padStart(8))
}
console.log(''.padEnd(56, '-'))
console.log('all pages'.padEnd(56), pct(charErrors / chars).padStart(7), pct(wordErrors / words).padStart(7), ''.padStart(6), (pages / (ms / 1000)).toFixed(2).padStart(8))
await stopSharedOcrEngine()
