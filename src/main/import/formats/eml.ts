import PostalMime from 'postal-mime'
import type { MessageThreading } from '../../../shared/types'
import { ImportError } from '../errors'
import type { AnalysedArticle, AnalyseOptions, ArticleMeta } from '../text/analyse'
import { splitBlocks } from '../text/blocks'
import { foldWhitespace, normaliseText } from '../text/normalise'
import { parseWrittenDate, toPublished } from '../text/published'
import { checkMarkup } from '../html/guard'
import { htmlToText } from './html-text'
import { analyseBlocks } from './text'

export type Email = Awaited<ReturnType<typeof PostalMime.parse>>

// A signature starts at "-- " on its own line (RFC 3676); forwarded and quoted tails follow it.
function cutSignature(text: string): string {
  const at = text.search(/^-- ?$/m)
  return at > 0 ? text.slice(0, at) : text
}

// Reply and forward markers and mailing-list tags are not part of the headline.
function cleanSubject(subject: string): string | null {
  const s = foldWhitespace(subject.replace(/^(?:\s*(?:re|fwd?|aw|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:|\s*\[[^\]]{1,40}\])+/i, ''))
  return s === '' ? null : s
}

function header(email: Email, name: string): string | null {
  const h = email.headers.find((x) => x.key.toLowerCase() === name)
  return h ? h.value : null
}

// A part whose transfer encoding was wrong decodes to replacement characters and control bytes.
function unreadable(text: string): boolean {
  const letters = text.replace(/\s/g, '')
  if (letters.length === 0) return false
  const bad = letters.match(/[\uFFFD\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g)?.length ?? 0
  return bad / letters.length > 0.1
}

/** Parses a message; `parse-failed` when it cannot be read or has no mail headers at all. */
export async function readEmail(bytes: Uint8Array, fileName: string): Promise<Email> {
  let email: Email
  try {
    email = await PostalMime.parse(bytes)
  } catch (err) {
    throw new ImportError('parse-failed', `${fileName} is not a readable e-mail message: ${(err as Error).message}`)
  }
  const known = ['from', 'to', 'subject', 'date', 'message-id', 'received', 'mime-version', 'content-type']
  if (!email.headers.some((h) => known.includes(h.key.toLowerCase()))) {
    throw new ImportError('parse-failed', `${fileName} is not an e-mail message: it has no mail headers (From, Subject, Date …)`)
  }
  return email
}

/** An .eml message: Subject is the title, From the byline, Date the publication date. */
export async function parseEml(bytes: Uint8Array, fileName: string, options: AnalyseOptions = {}): Promise<AnalysedArticle> {
  return emailArticle(await readEmail(bytes, fileName), fileName, options)
}

/** A parsed message as an article: Subject is the title, From the byline, Date the publication date. */
export function emailArticle(email: Email, fileName: string, options: AnalyseOptions = {}): AnalysedArticle {
  const rawDate = header(email, 'date') ?? email.date ?? null
  const date = rawDate === null ? null : parseWrittenDate(rawDate.replace(/^\s*[A-Za-z]{3},\s*/, ''))
  const from = email.from
  const meta: ArticleMeta = {
    title: email.subject ? cleanSubject(email.subject) : null,
    author: from ? foldWhitespace(from.name || ('address' in from ? (from.address ?? '') : '')) || null : null,
    published: date === null ? null : toPublished(date, 'meta')
  }
  let body = ''
  if (email.text && email.text.trim() !== '') body = normaliseText(email.text)
  else if (email.html) {
    // An HTML body is parsed like a page, so it meets the same markup limits first.
    checkMarkup(email.html, fileName)
    body = htmlToText(email.html)
  }
  if (unreadable(body)) {
    throw new ImportError('parse-failed', `${fileName} has a body that does not decode to text (broken transfer encoding or charset)`)
  }
  const blocks = splitBlocks(normaliseText(cutSignature(body)))
  if (blocks.length === 0 && meta.title === null) throw new ImportError('empty', `${fileName} has neither a subject nor a body`)
  if (blocks.length === 0) throw new ImportError('empty', `${fileName} has no message body`)
  const result = analyseBlocks(blocks, fileName, { ...options, meta: { ...meta, ...options.meta } })
  return { ...result, article: { ...result.article, message: threading(email) } }
}

/** A Message-ID as stored: its angle brackets and spaces kept out, so both sides of a reply match. */
function messageKey(value: string | undefined): string | null {
  const id = /<([^<>\s]+)>/.exec(value ?? '')?.[1] ?? value?.trim()
  return id ? id.slice(0, 500) : null
}

/** The message's place in its thread, when it has a Message-ID. */
function threading(email: Email): MessageThreading | null {
  const messageId = messageKey(email.messageId)
  if (messageId === null) return null
  // In-Reply-To may list several; the last is the message answered (RFC 5322 3.6.4).
  const replyTo = [...(email.inReplyTo ?? '').matchAll(/<[^<>\s]+>/g)].at(-1)?.[0]
  return { messageId, inReplyTo: messageKey(replyTo) }
}
