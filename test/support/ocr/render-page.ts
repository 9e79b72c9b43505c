/**
 * Page images rendered from known text, for OCR tests and the OCR benchmark: a scan (white
 * page, black type), a photo-like page (grey paper, slight rotation, noise), written as PNG,
 * JPEG, multi-page TIFF, or JPEG pages inside a PDF without a text layer.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas'
import UTIF from 'utif2'
import { concatExact } from '../../../src/main/import/bytes'

/** How one page is set and spoilt. */
export interface PageStyle {
  /** CSS font family: the canvas's bundled faces ("serif", "sans-serif", "monospace"). */
  font?: string
  /** Type size in pixels (at 200 dpi, 28 px is about 10 points). */
  size?: number
  /** Page rotation in degrees, as a page laid crooked on a scanner. */
  rotate?: number
  /** Share of pixels (0–1) shifted up to 80 grey levels either way, as sensor noise or paper grain. */
  noise?: number
  /** Paper grey level (255 white). */
  paper?: number
  width?: number
}

/** Deterministic noise: the same page renders the same bytes in every run. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 0x1_0000_0000
  }
}

/** Breaks paragraphs into lines that fit the measure. */
function wrap(ctx: SKRSContext2D, text: string, measure: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word
    if (line && ctx.measureText(next).width > measure) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}

/** Renders paragraphs onto a page; returns the canvas (encode it with `.encode(...)`/`toBuffer`). */
export function renderPage(paragraphs: readonly string[], style: PageStyle = {}) {
  const size = style.size ?? 28
  const width = style.width ?? 1400
  const margin = Math.round(width * 0.07)
  const lead = Math.round(size * 1.45)
  const probe = createCanvas(10, 10).getContext('2d')
  probe.font = `${size}px ${style.font ?? 'serif'}`
  const laid = paragraphs.map((p) => wrap(probe, p, width - 2 * margin))
  const height = margin * 2 + laid.reduce((n, lines) => n + lines.length * lead + lead, 0)
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  const paper = style.paper ?? 255
  ctx.fillStyle = `rgb(${paper},${paper},${paper})`
  ctx.fillRect(0, 0, width, height)
  ctx.save()
  if (style.rotate) {
    ctx.translate(width / 2, height / 2)
    ctx.rotate((style.rotate * Math.PI) / 180)
    ctx.translate(-width / 2, -height / 2)
  }
  ctx.fillStyle = 'rgb(20,20,20)'
  ctx.font = probe.font
  ctx.textBaseline = 'top'
  let y = margin
  for (const lines of laid) {
    for (const line of lines) {
      ctx.fillText(line, margin, y)
      y += lead
    }
    y += lead
  }
  ctx.restore()
  if (style.noise) {
    const img = ctx.getImageData(0, 0, width, height)
    const next = random(width * 31 + height)
    for (let i = 0; i < img.data.length; i += 4) {
      if (next() >= style.noise) continue
      const v = Math.max(0, Math.min(255, img.data[i]! + Math.round((next() - 0.5) * 160)))
      img.data[i] = img.data[i + 1] = img.data[i + 2] = v
    }
    ctx.putImageData(img, 0, 0)
  }
  return canvas
}

export const pagePng = (paragraphs: readonly string[], style?: PageStyle): Uint8Array => new Uint8Array(renderPage(paragraphs, style).toBuffer('image/png'))

export const pageJpeg = (paragraphs: readonly string[], style?: PageStyle, quality = 85): Uint8Array =>
  new Uint8Array(renderPage(paragraphs, style).toBuffer('image/jpeg', quality))

/** A multi-page TIFF (uncompressed 8-bit grey), one image directory per page. */
export function pagesTiff(pages: readonly (readonly string[])[], style?: PageStyle): Uint8Array {
  const greys = pages.map((paragraphs) => {
    const canvas = renderPage(paragraphs, style)
    const rgba = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
    const grey = new Uint8Array(canvas.width * canvas.height)
    for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4]!
    return { grey, width: canvas.width, height: canvas.height }
  })
  const header = (offsets: readonly number[]): Uint8Array =>
    new Uint8Array(
      UTIF.encode(
        greys.map(({ grey, width, height }, i) => ({
          t256: [width], t257: [height], t258: [8], t259: [1], t262: [1], t273: [offsets[i]!], t277: [1], t278: [height], t279: [grey.length], t284: [1]
        }) as unknown as UTIF.IFD)
      )
    )
  // Strip offsets are written at a fixed width: the header's length does not depend on them.
  const length = header(greys.map(() => 0)).length
  const offsets: number[] = []
  let at = length
  for (const g of greys) {
    offsets.push(at)
    at += g.grey.length
  }
  const out = new Uint8Array(at)
  out.set(header(offsets))
  greys.forEach((g, i) => out.set(g.grey, offsets[i]))
  return out
}

const PAGE_GROUP = 100

/**
 * A PDF whose pages are JPEG images and nothing else, as a scanner writes it: no fonts, no text
 * layer. Each page is sized so the image sits at `dpi`.
 */
export function imagePdf(jpegs: readonly { jpeg: Uint8Array; width: number; height: number }[], dpi = 200): Uint8Array {
  const enc = new TextEncoder()
  const chunks: Uint8Array[] = []
  const offsets: number[] = []
  let length = 0
  const push = (part: string | Uint8Array): void => {
    const bytes = typeof part === 'string' ? enc.encode(part) : part
    chunks.push(bytes)
    length += bytes.length
  }
  const object = (id: number, ...parts: (string | Uint8Array)[]): void => {
    offsets[id] = length
    push(`${id} 0 obj\n`)
    for (const p of parts) push(p)
    push('\nendobj\n')
  }
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  const n = jpegs.length
  const pageId = (i: number): number => 3 + i * 3
  // Pages hang from the root in groups of 100, as PDF writers build their page trees: a flat
  // list of thousands makes pdf.js walk it from the start for every page it looks up.
  const groups = n > PAGE_GROUP ? Math.ceil(n / PAGE_GROUP) : 0
  const groupId = (g: number): number => 3 + n * 3 + g
  const parentOf = (i: number): number => (groups ? groupId(Math.floor(i / PAGE_GROUP)) : 2)
  const refs = (ids: number[]): string => ids.map((id) => `${id} 0 R`).join(' ')
  object(1, '<< /Type /Catalog /Pages 2 0 R >>')
  const pageIds = jpegs.map((_, i) => pageId(i))
  object(2, `<< /Type /Pages /Count ${n} /Kids [${refs(groups ? Array.from({ length: groups }, (_, g) => groupId(g)) : pageIds)}] >>`)
  jpegs.forEach(({ jpeg, width, height }, i) => {
    const w = ((width * 72) / dpi).toFixed(2)
    const h = ((height * 72) / dpi).toFixed(2)
    const id = pageId(i)
    const draw = `q ${w} 0 0 ${h} 0 0 cm /Im Do Q`
    object(id, `<< /Type /Page /Parent ${parentOf(i)} 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im ${id + 2} 0 R >> >> /Contents ${id + 1} 0 R >>`)
    object(id + 1, `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`)
    object(id + 2, `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`, jpeg, '\nendstream')
  })
  for (let g = 0; g < groups; g++) {
    const kids = pageIds.slice(g * PAGE_GROUP, (g + 1) * PAGE_GROUP)
    object(groupId(g), `<< /Type /Pages /Parent 2 0 R /Count ${kids.length} /Kids [${refs(kids)}] >>`)
  }
  const xref = length
  const count = 3 + n * 3 + groups
  push(`xref\n0 ${count}\n0000000000 65535 f \n`)
  for (let id = 1; id < count; id++) push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`)
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return concatExact(chunks, length)
}

/** Character and word error rates of `read` against `truth` (edit distance over length), after folding white space. */
export function errorRates(truth: string, read: string): { cer: number; wer: number } {
  const fold = (s: string): string => s.replace(/\s+/g, ' ').trim()
  const t = fold(truth)
  const r = fold(read)
  return { cer: distance([...t], [...r]) / Math.max(1, t.length), wer: distance(t.split(' '), r.split(' ')) / Math.max(1, t.split(' ').length) }
}

function distance<T>(a: readonly T[], b: readonly T[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[b.length]!
}
