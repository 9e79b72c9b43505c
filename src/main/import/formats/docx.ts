import { strFromU8, zipSync } from 'fflate'
import { ImportError } from '../errors'
import type { AnalysedArticle, AnalyseOptions, ArticleMeta } from '../text/analyse'
import { splitBlocks } from '../text/blocks'
import { foldWhitespace, normaliseText } from '../text/normalise'
import { analyseBlocks } from './text'
import { inflateEntry, readZipDirectory, ZIP_LIMITS, type InflateMeter, type ZipLimits } from './zip-guard'

function coreProperty(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml)
  if (!m) return null
  const v = foldWhitespace(m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
  return v === '' ? null : v
}

// Only the author is taken: Word fills dc:title from templates and first saves often enough
// that the document's own first line is the better headline.
function coreMeta(parts: ReadonlyMap<string, Uint8Array>): ArticleMeta {
  const core = parts.get('docProps/core.xml')
  return core === undefined ? {} : { author: coreProperty(strFromU8(core), 'dc:creator') }
}

/**
 * The parts mammoth reads for raw text: the XML parts and their relationships. Images, fonts
 * and embedded objects are never needed for text, so they are never inflated.
 */
const isMarkupPart = (name: string): boolean => /\.(?:xml|rels)$/i.test(name)

/**
 * Inflates the markup parts within the budget (ZipLimits.maxInflatedBytes, counted as the
 * inflater produces them) into a new, uncompressed ZIP: mammoth only ever sees bytes already
 * unpacked and counted, with their true sizes.
 */
function unpackWithinBudget(bytes: Uint8Array, fileName: string, limits: ZipLimits, meter: InflateMeter): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>()
  const entries = readZipDirectory(bytes, fileName, limits)
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ImportError('unsupported-type', `${fileName} is a ZIP archive but not a Word document (no word/document.xml)`)
  }
  for (const entry of entries) {
    if (isMarkupPart(entry.name) && !parts.has(entry.name)) parts.set(entry.name, inflateEntry(bytes, entry, fileName, meter, limits))
  }
  return parts
}

/** A .docx document: its text through mammoth, from parts unpacked within the zip-bomb budget. */
export async function parseDocx(
  bytes: Uint8Array,
  fileName: string,
  options: AnalyseOptions = {},
  limits: ZipLimits = ZIP_LIMITS,
  meter: InflateMeter = { produced: 0 }
): Promise<AnalysedArticle> {
  const parts = unpackWithinBudget(bytes, fileName, limits, meter)
  const meta = coreMeta(parts)
  let text: string
  try {
    const packed = zipSync(Object.fromEntries(parts), { level: 0 })
    parts.clear()
    // Loaded on first use: mammoth costs ~120 ms at start-up in every import worker.
    const { default: mammoth } = await import('mammoth')
    text = (await mammoth.extractRawText({ buffer: Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength) })).value
  } catch (err) {
    throw new ImportError('parse-failed', `${fileName} is not a readable Word document: ${(err as Error).message}`)
  }
  const blocks = splitBlocks(normaliseText(text))
  return analyseBlocks(blocks, fileName, { ...options, meta: { ...meta, ...options.meta } })
}
