import type { CaptureProvenance } from '../../../shared/types'
import { ImportError } from '../errors'
import { captureStamp } from '../html/capture'
import { ContainerFull, type ContainerBuilder } from './container'
import { emailArticle, readEmail, type Email } from './eml'
import type { FormatResult, SourceFile } from './source'

/** Most bytes one message of a mailbox may have (a message with a large attachment). */
export const MAX_MBOX_MESSAGE_BYTES = 32 * 1024 * 1024

/** Parses an attachment as the file it is, or returns null when no single-file format reads its type. */
export type AttachmentParser = (file: SourceFile) => Promise<FormatResult> | null

/** Attachment media types importable under another name than their own: the name they are read as. */
const EXTENSION_BY_TYPE: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'text/html': 'html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'message/rfc822': 'eml'
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The delivery time on a "From sender Tue Aug 31 07:00:00 2021" line (UTC by convention), or null. */
function fromLineTime(line: string): Date | null {
  const m = /([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4})\s*$/.exec(line)
  if (!m) return null
  const month = MONTHS.indexOf(m[1]!)
  if (month < 0) return null
  const t = Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]))
  return Number.isFinite(t) ? new Date(t) : null
}

/** Byte offsets of the "From " lines that start messages (every line start; mboxrd quotes body lines). */
function messageStarts(buf: Buffer): number[] {
  const starts = [0]
  for (let at = buf.indexOf('\nFrom ', 0, 'latin1'); at >= 0; at = buf.indexOf('\nFrom ', at + 1, 'latin1')) starts.push(at + 1)
  return starts
}

/** A message's bytes without its "From " line, with mboxrd's ">From " quoting undone. */
function messageBytes(raw: Buffer): { fromLine: string; bytes: Uint8Array } {
  const eol = raw.indexOf(0x0a)
  const fromLine = raw.toString('latin1', 0, eol < 0 ? raw.length : eol)
  const body = eol < 0 ? '' : raw.toString('latin1', eol + 1).replace(/^>(>*From )/gm, '$1')
  return { fromLine, bytes: Buffer.from(body, 'latin1') }
}

function attachmentName(attachment: Email['attachments'][number], n: number): string | null {
  const name = attachment.filename?.trim()
  const byType = EXTENSION_BY_TYPE[attachment.mimeType.toLowerCase()]
  if (name && /\.[a-z0-9]+$/i.test(name)) return name
  return byType ? `${name || `attachment-${n}`}.${byType}` : null
}

/**
 * A mailbox: each message becomes an article as an .eml does (threaded by Message-ID and
 * In-Reply-To), with the mailbox's delivery time as its capture time and the message's byte
 * offset as its place. Attachments that are themselves importable (PDF, web page, Word, message)
 * become articles linked to their message; others are counted.
 */
export async function readMbox(bytes: Uint8Array, fileName: string, builder: ContainerBuilder, parseAttachment: AttachmentParser, maxMessageBytes = MAX_MBOX_MESSAGE_BYTES): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.toString('latin1', 0, 5) !== 'From ') throw new ImportError('parse-failed', `${fileName} is not a mailbox: it does not start with a "From " line`)
  const starts = messageStarts(buf)
  for (let i = 0; i < starts.length; i++) {
    builder.tick()
    const offset = starts[i]!
    const end = i + 1 < starts.length ? starts[i + 1]! : buf.length
    const where = `message ${i + 1} at byte ${offset}`
    if (end - offset > maxMessageBytes) {
      builder.fail(where, new ImportError('too-large', `${fileName} › ${where} is ${end - offset} bytes; a message may have at most ${maxMessageBytes}`))
      continue
    }
    try {
      await readMessage(buf.subarray(offset, end), offset, `${fileName} › ${where}`, where, builder, parseAttachment)
    } catch (err) {
      if (err instanceof ContainerFull) throw err
      builder.fail(where, err)
    }
  }
}

async function readMessage(raw: Buffer, offset: number, name: string, where: string, builder: ContainerBuilder, parseAttachment: AttachmentParser): Promise<void> {
  const { fromLine, bytes } = messageBytes(raw)
  const email = await readEmail(bytes, name)
  const delivered = fromLineTime(fromLine)
  const dated = Date.parse(email.date ?? '')
  const capture: CaptureProvenance = {
    tool: 'mbox',
    url: null,
    capturedAt: captureStamp(delivered ?? (Number.isFinite(dated) ? new Date(dated) : null)),
    software: null,
    member: null,
    offset
  }
  let message: number | null = null
  try {
    const { article, removed } = emailArticle(email, name)
    message = builder.add(`${where}: ${article.title}`, { mediaType: 'message/rfc822', article: { ...article, capture }, removed })
  } catch (err) {
    // An empty body (a message only carrying its attachments) still lets them through.
    if (err instanceof ContainerFull) throw err
    builder.fail(where, err)
  }
  for (const [n, attachment] of email.attachments.entries()) {
    const fileName = attachmentName(attachment, n + 1)
    const content = attachment.content
    const parsed = fileName && typeof content !== 'string' ? parseAttachment({ name: fileName, bytes: new Uint8Array(content), mtime: null }) : null
    if (!parsed) {
      builder.passOver('unimportable attachment')
      continue
    }
    const label = `${where} › ${fileName}`
    try {
      const result = await parsed
      builder.add(label, { ...result, article: { ...result.article, capture: { ...capture, member: fileName } } }, message)
    } catch (err) {
      if (err instanceof ContainerFull) throw err
      builder.fail(label, err)
    }
  }
}
