import type { ParsedArticle } from '../../archive/parsed-article'
import { ImportError } from '../errors'
import { captureStamp } from '../html/capture'
import { parseHtml } from './html'
import { headerParam, mediaTypeOf, partText, readEntity, splitMultipart, type MimePart } from './mime'

/**
 * Parts an MHTML file may hold. Chrome writes one per resource (a heavy news page: a few hundred);
 * past this the file is refused before any part is decoded.
 */
export const MAX_MHTML_PARTS = 20_000

/** The software an MHTML names in its From header ("<Saved by Blink>" is Chrome's). */
function savedBy(from: string | undefined): string | null {
  const name = (from ?? '').replace(/^<|>$/g, '').trim()
  return name === '' ? null : name.slice(0, 200)
}

/**
 * A page saved as one MHTML file (Chrome's "Webpage, Single File", Hunchly): the HTML part whose
 * Content-Location is the snapshot's address (else the first HTML part) is read as a saved page;
 * `Snapshot-Content-Location` is the captured address and the MIME `Date` the capture time.
 * Transfer encodings are undone and the part's charset respected.
 */
export function parseMhtml(bytes: Uint8Array, fileName: string, options: { mtime?: Date | null } = {}): ParsedArticle {
  const root = readEntity(bytes)
  const contentType = root?.headers.get('content-type')
  if (!root || (!root.headers.has('snapshot-content-location') && !/^multipart\//i.test(contentType ?? '') && !/^text\/html/i.test(contentType ?? ''))) {
    throw new ImportError('parse-failed', `${fileName} is not an MHTML file: it has no MIME headers for a saved page`)
  }
  const boundary = headerParam(contentType, 'boundary')
  const parts: MimePart[] = boundary === null ? [root] : splitMultipart(root.body, boundary)
  if (parts.length > MAX_MHTML_PARTS) {
    throw new ImportError('too-large', `${fileName} holds ${parts.length} MIME parts; an MHTML file may have at most ${MAX_MHTML_PARTS}`)
  }
  const location = root.headers.get('snapshot-content-location') ?? null
  const html = parts.filter((p) => mediaTypeOf(p.headers.get('content-type')) === 'text/html')
  const page = html.find((p) => location !== null && p.headers.get('content-location') === location) ?? html[0]
  if (!page) throw new ImportError('empty', `${fileName} holds no HTML part (${parts.length} parts, none of them a page)`)
  const dated = Date.parse(root.headers.get('date') ?? '')
  const captured = Number.isFinite(dated) ? new Date(dated) : null
  const article = parseHtml(partText(page), fileName, { mtime: options.mtime ?? null, captured })
  const url = location ?? page.headers.get('content-location') ?? null
  return {
    ...article,
    url: article.url ?? url,
    capture: { tool: 'mhtml', url, capturedAt: captureStamp(captured), software: savedBy(root.headers.get('from')), member: null, offset: null }
  }
}
