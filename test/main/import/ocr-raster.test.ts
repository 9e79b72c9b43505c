import { createCanvas } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { imagePages, OCR_PIXELS, ocrScale } from '../../../src/main/import/ocr/raster'
import { pagesTiff } from '../../support/ocr/render-page'

const pngSize = (png: Uint8Array): [number, number] => {
  const view = new DataView(png.buffer, png.byteOffset)
  return [view.getUint32(16), view.getUint32(20)]
}

describe('page images for the engine', () => {
  it('passes a page of up to OCR_PIXELS through untouched and scales a larger one down to that size', async () => {
    expect(ocrScale(2000, 3000)).toBe(1)
    const small = new Uint8Array(createCanvas(1000, 1400).toBuffer('image/png'))
    expect(await imagePages(small, 'png', 'small.png').page(0)).toBe(small)

    // A 600 dpi Letter scan: 33.7 million pixels, read at 10 million.
    const big = new Uint8Array(createCanvas(5100, 6600).toBuffer('image/png'))
    const [w, h] = pngSize(await imagePages(big, 'png', 'big.png').page(0))
    expect(w * h).toBeLessThanOrEqual(OCR_PIXELS)
    expect(w * h).toBeGreaterThan(OCR_PIXELS * 0.99)
    expect(w / h).toBeCloseTo(5100 / 6600, 2)
  })

  it('gives a TIFF one page per image directory, each re-encoded as PNG', async () => {
    const tiff = imagePages(pagesTiff([['One.'], ['Two.'], ['Three.']], { width: 400 }), 'tiff', 'three.tif')
    expect(tiff.count).toBe(3)
    const page = await tiff.page(2)
    expect([...page.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG')
    expect(pngSize(page)[0]).toBe(400)
  })
})
