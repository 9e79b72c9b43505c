import UTIF from 'utif2'
import { describe, expect, it } from 'vitest'
import { ImportError } from '../../../../src/main/import/errors'
import { parseSourceFile } from '../../../../src/main/import/formats'
import { MAX_OCR_PAGES } from '../../../../src/main/import/ocr/raster'
import { imagePdf, pageJpeg, pagePng, renderPage } from '../../../support/ocr/render-page'

async function refusal(name: string, bytes: Uint8Array): Promise<ImportError> {
  try {
    await parseSourceFile({ name, bytes, mtime: null })
  } catch (err) {
    if (err instanceof ImportError) return err
    throw err
  }
  throw new Error(`expected ${name} to be refused`)
}

const be32 = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0))
const chunk = (type: string, data: number[]): number[] => [...be32(data.length), ...ascii(type), ...data, 0, 0, 0, 0]

/** A well-formed PNG that declares its size and carries a few bytes of pixel data: a decompression bomb's shape. */
function declaredPng(width: number, height: number): Uint8Array {
  const ihdr = [...be32(width), ...be32(height), 8, 0, 0, 0, 0]
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', ihdr), ...chunk('IDAT', [0x78, 0x9c, 0x03, 0, 0, 0, 0, 1]), ...chunk('IEND', [])])
}

/** A JPEG whose frame header declares the size, then ends properly. */
function declaredJpeg(width: number, height: number): Uint8Array {
  const sof = [0xff, 0xc0, 0, 11, 8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0]
  return new Uint8Array([0xff, 0xd8, ...sof, 0xff, 0xd9])
}

describe('hostile images and scans', () => {
  it('refuses an image that declares more pixels than a page has, from its header, before decoding', async () => {
    const png = await refusal('bomb.png', declaredPng(50_000, 50_000))
    expect(png.code).toBe('too-large')
    expect(png.message).toBe('bomb.png (PNG image) declares 50000 × 50000 pixels; a page for OCR may have at most 40 million pixels and 20000 on a side')
    expect((await refusal('bomb.jpg', declaredJpeg(65_000, 65_000))).code).toBe('too-large')
    expect((await refusal('strip.png', declaredPng(40_000, 10))).code).toBe('too-large')
    const tiff = new Uint8Array(UTIF.encode([{ t256: [50_000], t257: [50_000], t258: [8], t259: [1], t262: [1], t273: [8], t277: [1], t278: [50_000], t279: [16] } as unknown as UTIF.IFD]))
    const refused = await refusal('bomb.tif', tiff)
    expect(refused.code).toBe('too-large')
    expect(refused.message).toContain('bomb.tif (page 1) declares 50000 × 50000 pixels')
  })

  it('refuses truncated PNG and JPEG files with what is wrong', async () => {
    const png = pagePng(['A short page of text for cutting in half.'])
    const cut = await refusal('cut.png', png.subarray(0, Math.floor(png.length / 2)))
    expect(cut.code).toBe('parse-failed')
    expect(cut.message).toMatch(/^cut\.png is a truncated PNG image \(its IDAT chunk runs past the end\)$/)
    const jpeg = pageJpeg(['A short page of text for cutting in half.'])
    const cutJpeg = await refusal('cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)))
    expect(cutJpeg.code).toBe('parse-failed')
    expect(cutJpeg.message).toBe('cut.jpg is a truncated JPEG image (no end-of-image marker)')
    expect((await refusal('header.png', png.subarray(0, 20))).code).toBe('parse-failed')
  })

  it('finds a blank page empty without reading it', async () => {
    const blank = await refusal('blank.png', pagePng([''], { paper: 240 }))
    expect(blank.code).toBe('empty')
    expect(blank.message).toBe('blank.png: OCR found no text in the image')
  })

  it('refuses a text file named as an image, saying what it is', async () => {
    const err = await refusal('notes.png', new TextEncoder().encode('These are notes, not a picture.'))
    expect(err.code).toBe('unsupported-type')
    expect(err.message).toBe('notes.png is not a PNG, JPEG or TIFF image (content: text of an unknown kind)')
  })

  it(`refuses a PDF of 10,000 image pages before rendering any (at most ${MAX_OCR_PAGES} pages go through OCR)`, async () => {
    const canvas = renderPage(['x'], { width: 64, size: 10 })
    const page = { jpeg: new Uint8Array(canvas.toBuffer('image/jpeg', 50)), width: canvas.width, height: canvas.height }
    const err = await refusal('ten-thousand.pdf', imagePdf(Array.from({ length: 10_000 }, () => page)))
    expect(err.code).toBe('too-large')
    expect(err.message).toBe(
      `ten-thousand.pdf has more than ${MAX_OCR_PAGES} pages without a text layer (of 10000); at most ${MAX_OCR_PAGES} are read by OCR from one file (split it)`
    )
  })
})
