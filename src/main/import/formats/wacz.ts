import { ImportError } from '../errors'
import type { ContainerBuilder } from './container'
import { readWarc } from './warc'
import { inflateEntry, readZipDirectory, type InflateMeter, type ZipEntry, type ZipLimits } from './zip-guard'

/**
 * What a WACZ may unpack to. Its WARCs are normally stored (already gzipped record by record) and
 * cost nothing to "unpack"; a deflated one is inflated whole, so the budget bounds that copy.
 */
export const WACZ_LIMITS: ZipLimits = { what: 'a web archive (WACZ)', maxInflatedBytes: 128 * 1024 * 1024, maxEntries: 5000 }

const PAGES = 'pages/pages.jsonl'

/** Page addresses `pages/pages.jsonl` lists (its first line is a header without `url`), or null without one. */
function listedPages(bytes: Uint8Array, entries: readonly ZipEntry[], fileName: string, meter: InflateMeter, limits: ZipLimits): Set<string> | null {
  const entry = entries.find((e) => e.name === PAGES)
  if (!entry) return null
  const urls = new Set<string>()
  const text = Buffer.from(inflateEntry(bytes, entry, fileName, meter, limits)).toString('utf8')
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    let page: unknown
    try {
      page = JSON.parse(line)
    } catch {
      throw new ImportError('parse-failed', `${fileName}: ${PAGES} has a line that is not JSON (${line.slice(0, 60)})`)
    }
    const url = (page as { url?: unknown } | null)?.url
    if (typeof url === 'string') urls.add(url)
  }
  return urls
}

/**
 * A WACZ (a ZIP of WARCs with a page list): the WARCs under `archive/` are read as WARCs, and when
 * `pages/pages.jsonl` is there only the pages it lists become articles (other HTML responses,
 * frames and side loads, are counted as not listed). Unpacking is bounded by WACZ_LIMITS.
 */
export function readWacz(bytes: Uint8Array, fileName: string, builder: ContainerBuilder, limits: ZipLimits = WACZ_LIMITS): void {
  const entries = readZipDirectory(bytes, fileName, limits)
  const meter: InflateMeter = { produced: 0 }
  const listed = listedPages(bytes, entries, fileName, meter, limits)
  const warcs = entries.filter((e) => /^archive\/[^/]+\.warc(?:\.gz)?$/i.test(e.name))
  if (warcs.length === 0) throw new ImportError('empty', `${fileName} holds no WARC under archive/ (not a WACZ?)`)
  for (const entry of warcs) {
    readWarc(inflateEntry(bytes, entry, fileName, meter, limits), fileName, builder, { tool: 'wacz', member: entry.name, listed })
  }
}
