import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import type { CaptureTool } from '../../../shared/types'
import { MAX_FILE_BYTES } from '../../../shared/formats'
import { ImportError } from '../errors'
import { captureStamp } from '../html/capture'
import { ContainerFull, type ContainerBuilder } from './container'
import { parseHtml } from './html'
import { mediaTypeOf, parseHeaders, partText, type MimeHeaders } from './mime'
import { readWarcRecords, type WarcLimits, type WarcRecord } from './warc-records'

/** How the records of one WARC become articles. */
export interface WarcReading {
  tool: CaptureTool
  /** The WACZ entry the WARC was read from. */
  member: string | null
  /** Page addresses a WACZ lists: when present, only their responses are articles. */
  listed: ReadonlySet<string> | null
  limits?: WarcLimits
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml'])

interface HttpResponse {
  status: number
  headers: MimeHeaders
  body: Uint8Array
}

/** The HTTP response a response record carries, or null when the block is not one. */
function httpResponse(block: Uint8Array): HttpResponse | null {
  const buf = Buffer.from(block.buffer, block.byteOffset, block.byteLength)
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(buf.toString('latin1', 0, 16))
  if (!status) return null
  let end = buf.indexOf('\r\n\r\n')
  let skip = 4
  if (end < 0) {
    end = buf.indexOf('\n\n')
    skip = 2
  }
  if (end < 0) return { status: Number(status[1]), headers: parseHeaders(buf.toString('latin1')), body: new Uint8Array(0) }
  const head = buf.toString('latin1', buf.indexOf(0x0a) + 1, end)
  return { status: Number(status[1]), headers: parseHeaders(head), body: block.subarray(end + skip) }
}

/** Undoes chunked transfer coding, as crawlers that keep the raw payload store it. */
function dechunk(body: Uint8Array, label: string): Uint8Array {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const parts: Buffer[] = []
  let p = 0
  for (;;) {
    const eol = buf.indexOf('\r\n', p)
    if (eol < 0) break
    const size = parseInt(buf.toString('latin1', p, eol).split(';')[0]!.trim(), 16)
    if (!Number.isFinite(size)) throw new ImportError('parse-failed', `${label}: the chunked body is damaged`)
    if (size === 0) break
    parts.push(buf.subarray(eol + 2, Math.min(buf.length, eol + 2 + size)))
    p = eol + 2 + size + 2
  }
  return Buffer.concat(parts)
}

/** The payload with its transfer and content codings undone, bounded like any imported file. */
function payload(response: HttpResponse, label: string): Uint8Array {
  let body = response.body
  if (/chunked/i.test(response.headers.get('transfer-encoding') ?? '')) body = dechunk(body, label)
  const coding = (response.headers.get('content-encoding') ?? '').trim().toLowerCase()
  const bounded = { maxOutputLength: MAX_FILE_BYTES }
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(body, bounded)
    if (coding === 'deflate') return inflateSync(body, bounded)
    if (coding === 'br') return brotliDecompressSync(body, bounded)
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ImportError('too-large', `${label}: the page inflates to more than ${MAX_FILE_BYTES} bytes`)
    }
    throw new ImportError('parse-failed', `${label}: its ${coding} content coding is damaged (${(err as Error).message})`)
  }
  return body
}

/** The software a warcinfo record names (its `software` field), or null. */
function warcinfoSoftware(record: WarcRecord): string | null {
  const fields = parseHeaders(Buffer.from(record.block).toString('utf8'))
  const software = fields.get('software')?.trim()
  return software ? software.slice(0, 200) : null
}

/**
 * Reads a WARC's records into `builder`: each archived HTML page (a 200 `text/html` response, or
 * an HTML resource record) becomes an article with its target URI and `WARC-Date` as capture
 * provenance, named in the report by URI and record offset. Redirects, other statuses, assets,
 * requests, revisits and metadata are counted by kind. A page that fails is a failure of its own;
 * a damaged or truncated record ends the reading with one failure naming where.
 */
export function readWarc(bytes: Uint8Array, fileName: string, builder: ContainerBuilder, reading: WarcReading): void {
  let software: string | null = null
  const where = (record: WarcRecord, uri: string | null): string =>
    `${reading.member ? `${reading.member} › ` : ''}${uri ?? 'record'} (record at byte ${record.offset})`
  const visit = (record: WarcRecord): void => {
    builder.tick()
    const type = (record.headers.get('warc-type') ?? '').toLowerCase()
    const uri = record.headers.get('warc-target-uri')?.replace(/^<|>$/g, '') ?? null
    if (type === 'warcinfo') {
      software = warcinfoSoftware(record) ?? software
      return
    }
    if (type !== 'response' && type !== 'resource') {
      builder.passOver(type === 'revisit' ? 'revisit' : type === 'request' ? 'request' : type === 'metadata' ? 'metadata record' : 'other record')
      return
    }
    const label = where(record, uri)
    let mediaType: string
    let body: Uint8Array
    let charsetHeaders: MimeHeaders
    const http = /application\/http/i.test(record.headers.get('content-type') ?? '') || type === 'response' ? httpResponse(record.block) : null
    if (http) {
      if (http.status >= 300 && http.status < 400) return builder.passOver('redirect')
      if (http.status !== 200) return builder.passOver('non-200 response')
      mediaType = mediaTypeOf(http.headers.get('content-type'))
      charsetHeaders = http.headers
      body = http.body
    } else {
      mediaType = mediaTypeOf(record.headers.get('content-type'))
      charsetHeaders = record.headers
      body = record.block
    }
    if (!HTML_TYPES.has(mediaType)) return builder.passOver('asset')
    if (reading.listed && (uri === null || !reading.listed.has(uri))) return builder.passOver('unlisted page')
    try {
      const html = partText({ headers: new Map([['content-type', charsetHeaders.get('content-type') ?? mediaType]]), body: http ? payload(http, label) : body })
      const dated = Date.parse(record.headers.get('warc-date') ?? '')
      const captured = Number.isFinite(dated) ? new Date(dated) : null
      const article = parseHtml(html, `${fileName} › ${uri ?? 'record'}`, { captured, ...(uri === null ? {} : { untitled: uri }) })
      builder.add(label, {
        mediaType,
        article: {
          ...article,
          url: article.url ?? uri,
          capture: { tool: reading.tool, url: uri, capturedAt: captureStamp(captured), software, member: reading.member, offset: record.offset }
        }
      })
    } catch (err) {
      if (err instanceof ContainerFull) throw err
      builder.fail(label, err)
    }
  }
  try {
    readWarcRecords(bytes, fileName, visit, reading.limits)
  } catch (err) {
    // Records read before the damage stay; what follows is one failure naming where it starts.
    if (builder.parts.length === 0 && builder.failed.length === 0) throw err
    builder.fail(`${reading.member ? `${reading.member} › ` : ''}rest of the file`, err)
  }
}
