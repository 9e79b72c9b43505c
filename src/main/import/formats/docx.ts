import { unzipSync, strFromU8 } from 'fflate'
import { ImportError } from '../errors'
import type { AnalysedArticle, AnalyseOptions, ArticleMeta } from '../text/analyse'
import { splitBlocks } from '../text/blocks'
import { foldWhitespace, normaliseText } from '../text/normalise'
import { analyseBlocks } from './text'
import { checkZipLimits, readZipDirectory, ZIP_LIMITS, type ZipLimits } from './zip-guard'

function coreProperty(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml)
  if (!m) return null
  const v = foldWhitespace(m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
  return v === '' ? null : v
}

// Only the author is taken: Word fills dc:title from templates and first saves often enough
// that the document's own first line is the better headline.
function coreMeta(bytes: Uint8Array): ArticleMeta {
  let xml: string
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'docProps/core.xml' })
    const core = files['docProps/core.xml']
    if (core === undefined) return {}
    xml = strFromU8(core)
  } catch {
    return {}
  }
  return { author: coreProperty(xml, 'dc:creator') }
}

/** A .docx document: its text through mammoth, after a zip-bomb check of its directory. */
export async function parseDocx(bytes: Uint8Array, fileName: string, options: AnalyseOptions = {}, limits: ZipLimits = ZIP_LIMITS): Promise<AnalysedArticle> {
  const entries = readZipDirectory(bytes, fileName)
  checkZipLimits(entries, fileName, limits)
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ImportError('unsupported-type', `${fileName} is a ZIP archive but not a Word document (no word/document.xml)`)
  }
  let text: string
  try {
    // Loaded on first use: mammoth costs ~120 ms at start-up in every import worker.
    const { default: mammoth } = await import('mammoth')
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value
  } catch (err) {
    throw new ImportError('parse-failed', `${fileName} is not a readable Word document: ${(err as Error).message}`)
  }
  const blocks = splitBlocks(normaliseText(text))
  return analyseBlocks(blocks, fileName, { ...options, meta: { ...coreMeta(bytes), ...options.meta } })
}
