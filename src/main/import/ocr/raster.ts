import { createCanvas, ImageData, loadImage, type Canvas } from '@napi-rs/canvas'
import UTIF from 'utif2'
import { ImportError } from '../errors'
import type { OcrImageKind } from '../formats/sniff'

/**
 * Most pixels one page image may have: a Letter page scanned at 600 dpi is 33.7 million. Its
 * decoded RGBA (160 MB) plus the engine's own grey and binary copies stay inside a parse
 * worker's memory ceiling; a file declaring more (a decompression bomb declares billions in a
 * few kilobytes) is refused from its header, before anything is decoded.
 */
export const MAX_OCR_PIXELS = 40_000_000

/**
 * Pixels a page is read at: larger pages are scaled down to this before the engine sees them.
 * A 30-million-pixel page took the engine's memory to 550 MB (a worker's ceiling is 768 MB, and
 * WebAssembly memory never shrinks back); 10 million is an A4 page at 300 dpi, as much
 * resolution as body type needs.
 */
export const OCR_PIXELS = 10_000_000

/** The factor (≤ 1) that brings a page of this size within OCR_PIXELS. */
export function ocrScale(width: number, height: number): number {
  return Math.min(1, Math.sqrt(OCR_PIXELS / (width * height)))
}

/** A canvas's pixels drawn at `scale`, as PNG bytes. */
function scaled(source: Canvas | Awaited<ReturnType<typeof loadImage>>, width: number, height: number, scale: number): Uint8Array {
  const canvas = createCanvas(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)))
  const ctx = canvas.getContext('2d')
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height)
  return canvas.toBuffer('image/png')
}

/** Width of the thumbnail a page is looked at to tell whether anything is printed on it. */
const INK_THUMBNAIL_WIDTH = 400

/**
 * Lightness range (0–255) below which a page counts as blank: one colour of paper, nothing on it.
 * Body type keeps a contrast of 100 or more even at thumbnail size; paper grain stays under 20.
 */
const BLANK_RANGE = 32

/**
 * Whether anything is printed on a page image: blank pages (the backs of sheets, separators, a
 * PDF page whose content is damaged) are common in scans, and the engine takes a second or two
 * to find nothing on one.
 */
export async function hasInk(image: Uint8Array): Promise<boolean> {
  const picture = await loadImage(Buffer.from(image.buffer, image.byteOffset, image.byteLength))
  const scale = Math.min(1, INK_THUMBNAIL_WIDTH / picture.width)
  const w = Math.max(1, Math.round(picture.width * scale))
  const h = Math.max(1, Math.round(picture.height * scale))
  const ctx = createCanvas(w, h).getContext('2d')
  ctx.fillStyle = 'white'
  ctx.fillRect(0, 0, w, h)
  ctx.drawImage(picture, 0, 0, w, h)
  const data = ctx.getImageData(0, 0, w, h).data
  let min = 255
  let max = 0
  for (let i = 0; i < data.length; i += 4) {
    const light = (data[i]! * 299 + data[i + 1]! * 587 + data[i + 2]! * 114) / 1000
    if (light < min) min = light
    if (light > max) max = light
    if (max - min >= BLANK_RANGE) return true
  }
  return false
}

/** Longest side of a page image, whatever its area: a 1 × 40,000,000 strip is no page. */
export const MAX_OCR_SIDE = 20_000

/**
 * Most pages one file may send through OCR. At one to two seconds a page on a laptop core this
 * is a quarter of an hour of recognition; a longer scan is split before import.
 */
export const MAX_OCR_PAGES = 500

/** The pages of an image file, each decoded only when asked for. */
export interface ImagePages {
  kind: OcrImageKind
  count: number
  /** Page `index` (0-based) as PNG or JPEG bytes the engine reads, at most OCR_PIXELS in size. */
  page(index: number): Promise<Uint8Array>
}

const KIND_NAMES: Record<OcrImageKind, string> = { png: 'PNG image', jpeg: 'JPEG image', tiff: 'TIFF image' }

/** Refuses a page whose declared size no scan has, before it is decoded. */
export function checkPageSize(width: number, height: number, what: string): void {
  if (!(width > 0 && height > 0)) throw new ImportError('parse-failed', `${what} declares an empty size (${width} × ${height} pixels)`)
  if (width > MAX_OCR_SIDE || height > MAX_OCR_SIDE || width * height > MAX_OCR_PIXELS) {
    throw new ImportError(
      'too-large',
      `${what} declares ${width} × ${height} pixels; a page for OCR may have at most ${MAX_OCR_PIXELS / 1e6} million pixels and ${MAX_OCR_SIDE} on a side`
    )
  }
}

/** Refuses a file with more pages than OCR reads. */
export function checkPageCount(count: number, name: string): void {
  if (count > MAX_OCR_PAGES) {
    throw new ImportError('too-large', `${name} has ${count} pages to read by OCR; at most ${MAX_OCR_PAGES} are read from one file (split it)`)
  }
}

const u32 = (b: Uint8Array, at: number): number => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0
const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!

/**
 * Walks a PNG's chunks: the size comes from IHDR, and a file whose chunks run past its end or
 * that never reaches IEND is truncated (the decoder would read a partial page, or fail deep in
 * the engine with no word of why).
 */
function pngSize(b: Uint8Array, name: string): { width: number; height: number } {
  if (b.length < 33 || String.fromCharCode(...b.subarray(12, 16)) !== 'IHDR') {
    throw new ImportError('parse-failed', `${name} is not a readable PNG image (no IHDR header)`)
  }
  const size = { width: u32(b, 16), height: u32(b, 20) }
  let at = 8
  for (;;) {
    if (at + 12 > b.length) throw new ImportError('parse-failed', `${name} is a truncated PNG image (it ends before its last chunk)`)
    const length = u32(b, at)
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8))
    if (at + 12 + length > b.length) throw new ImportError('parse-failed', `${name} is a truncated PNG image (its ${type} chunk runs past the end)`)
    if (type === 'IEND') return size
    at += 12 + length
  }
}

/** Start-of-frame markers carry the frame size; C4 (Huffman tables), C8 and CC (arithmetic) do not. */
const isStartOfFrame = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc

function jpegSize(b: Uint8Array, name: string): { width: number; height: number } {
  let at = 2
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) throw new ImportError('parse-failed', `${name} is not a readable JPEG image (a damaged marker at byte ${at})`)
    const marker = b[at + 1]!
    if (marker === 0xff) {
      at++
      continue
    }
    const length = u16(b, at + 2)
    if (isStartOfFrame(marker)) {
      if (at + 9 > b.length) break
      const size = { width: u16(b, at + 7), height: u16(b, at + 5) }
      // Entropy-coded data follows; a file cut short loses its End-Of-Image marker.
      let end = b.length
      while (end > 0 && b[end - 1] === 0) end--
      if (end < 2 || b[end - 2] !== 0xff || b[end - 1] !== 0xd9) {
        throw new ImportError('parse-failed', `${name} is a truncated JPEG image (no end-of-image marker)`)
      }
      return size
    }
    at += 2 + length
  }
  throw new ImportError('parse-failed', `${name} is a truncated JPEG image (it ends before its frame header)`)
}

function tiffPages(b: Uint8Array, name: string): ImagePages {
  const buffer = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
  let ifds: UTIF.IFD[]
  try {
    ifds = UTIF.decode(buffer).filter((ifd) => ifd['t256'] !== undefined && ifd['t257'] !== undefined)
  } catch (err) {
    throw new ImportError('parse-failed', `${name} is not a readable TIFF image (${(err as Error).message})`)
  }
  if (ifds.length === 0) throw new ImportError('parse-failed', `${name} is a TIFF file without an image`)
  checkPageCount(ifds.length, name)
  const tag = (ifd: UTIF.IFD, t: string): number => Number((ifd[t] as number[])[0])
  ifds.forEach((ifd, i) => checkPageSize(tag(ifd, 't256'), tag(ifd, 't257'), `${name} (page ${i + 1})`))
  return {
    kind: 'tiff',
    count: ifds.length,
    page(index) {
      const ifd = ifds[index]!
      try {
        UTIF.decodeImage(buffer, ifd)
        const rgba = UTIF.toRGBA8(ifd)
        // The engine reads PNG, not TIFF: re-encode the decoded page losslessly.
        const canvas = createCanvas(ifd.width, ifd.height)
        canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength), ifd.width, ifd.height), 0, 0)
        const scale = ocrScale(ifd.width, ifd.height)
        return Promise.resolve(scale < 1 ? scaled(canvas, ifd.width, ifd.height, scale) : canvas.toBuffer('image/png'))
      } catch (err) {
        throw new ImportError('parse-failed', `${name}: page ${index + 1} of the TIFF image cannot be decoded (${(err as Error).message})`)
      } finally {
        // Decoded pixels are dropped with the page, not kept for the whole file.
        ifd.data = new Uint8Array(0)
      }
    }
  }
}

/**
 * The pages of an image file for OCR, its size checked from its header first: one page for a
 * PNG or a JPEG, one per image directory for a TIFF.
 */
export function imagePages(bytes: Uint8Array, kind: OcrImageKind, name: string): ImagePages {
  if (kind === 'tiff') return tiffPages(bytes, name)
  const size = kind === 'png' ? pngSize(bytes, name) : jpegSize(bytes, name)
  checkPageSize(size.width, size.height, `${name} (${KIND_NAMES[kind]})`)
  const scale = ocrScale(size.width, size.height)
  return {
    kind,
    count: 1,
    async page() {
      if (scale === 1) return bytes
      let image: Awaited<ReturnType<typeof loadImage>>
      try {
        image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      } catch (err) {
        throw new ImportError('parse-failed', `${name} is not a readable ${KIND_NAMES[kind]} (${(err as Error).message})`)
      }
      return scaled(image, size.width, size.height, scale)
    }
  }
}
