import type { Db } from '../db'
import { prepared } from '../statements'
import type { CaptureProvenance, CaptureTool, MessageThreading } from '../../../shared/types'

interface CaptureRow {
  article_id: number
  tool: CaptureTool
  url: string | null
  captured_at: string | null
  software: string | null
  member: string | null
  record_offset: number | null
  attached_to: number | null
}

const toCapture = (r: CaptureRow): CaptureProvenance => ({
  tool: r.tool,
  url: r.url,
  capturedAt: r.captured_at,
  software: r.software,
  member: r.member,
  offset: r.record_offset
})

/** Records where an article was captured and, for an attachment, the message it came with. */
export function insertCapture(db: Db, articleId: number, capture: CaptureProvenance, attachedTo: number | null): void {
  prepared(
    db,
    `INSERT INTO article_captures (article_id, tool, url, captured_at, software, member, record_offset, attached_to)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(articleId, capture.tool, capture.url, capture.capturedAt, capture.software, capture.member, capture.offset, attachedTo)
}

/** Records an e-mail's Message-ID and the one it answers. */
export function insertMessage(db: Db, articleId: number, message: MessageThreading): void {
  prepared(db, 'INSERT INTO article_messages (article_id, message_id, in_reply_to) VALUES (?, ?, ?)').run(
    articleId,
    message.messageId,
    message.inReplyTo
  )
}

/** An article's capture provenance and the message it is attached to, if any. */
export function captureOf(db: Db, articleId: number): { capture: CaptureProvenance | null; attachedTo: number | null } {
  const row = prepared<[number], CaptureRow>(db, 'SELECT * FROM article_captures WHERE article_id = ?').get(articleId)
  return row ? { capture: toCapture(row), attachedTo: row.attached_to } : { capture: null, attachedTo: null }
}

/** Capture provenance of many articles at once (exports), keyed by article id. */
export function capturesOf(db: Db, articleIds: readonly number[]): Map<number, CaptureProvenance> {
  const out = new Map<number, CaptureProvenance>()
  const get = prepared<[number], CaptureRow>(db, 'SELECT * FROM article_captures WHERE article_id = ?')
  for (const id of articleIds) {
    const row = get.get(id)
    if (row) out.set(id, toCapture(row))
  }
  return out
}
