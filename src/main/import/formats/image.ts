import { imagePages } from '../ocr/raster'
import { attachConfidence, readPages, type PageProgress } from '../ocr/read-pages'
import type { AnalysedArticle, AnalyseOptions } from '../text/analyse'
import type { OcrImageKind } from './sniff'
import { analyseBlocks } from './text'
import { ImportError } from '../errors'

/** Media types of the image kinds OCR reads. */
export const IMAGE_MEDIA_TYPES: Readonly<Record<OcrImageKind, string>> = { png: 'image/png', jpeg: 'image/jpeg', tiff: 'image/tiff' }

/**
 * A photographed or scanned page (PNG, JPEG) or a multi-page scan (TIFF): its size checked from
 * its header, then read by OCR page by page; paragraphs keep their page numbers for citations.
 */
export async function parseImage(
  bytes: Uint8Array,
  kind: OcrImageKind,
  fileName: string,
  options: AnalyseOptions = {},
  progress?: PageProgress
): Promise<AnalysedArticle> {
  const pages = imagePages(bytes, kind, fileName)
  const numbers = Array.from({ length: pages.count }, (_, i) => i + 1)
  const read = await readPages({ pages: numbers, image: (page) => pages.page(page - 1) }, fileName, progress)
  if (read.blocks.length === 0) throw new ImportError('empty', `${fileName}: OCR found no text in the image`)
  const analysed = analyseBlocks(read.blocks, fileName, options)
  return { ...analysed, article: attachConfidence(analysed.article, read.words) }
}
