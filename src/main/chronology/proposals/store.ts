/**
 * Proposed events stored per article: (re)computed from the text and publication date, accepted
 * into events (optionally merged into an existing one) or dismissed. A proposal's identity is
 * its passage: re-runs update pending ones in place, never revive dismissed or accepted ones.
 */
import type { Db } from '../../archive/db'
import { now } from '../../archive/clock'
import { AnnalistError } from '../../../shared/errors'
import type { AcceptedProposal, PassageAnchor, PassageDate, ProposalEdits, ProposalStatus, ProposedEvent } from '../../../shared/chronology'
import { locateAnchor } from '../anchor'
import { articleText, insertAnchoredCitation } from '../citations'
import { getEvent } from '../../archive/repo/events'
import { eventDate, insertEvent, setEventEntities, setEventTags, setMemberships, cleanNames } from '../events'
import { journaled } from '../../archive/journal'
import { anchorDate, candidatesAgainst } from './anchor-doubt'
import type { DateCandidate } from './extract'

interface ProposalRow {
  id: number
  article_id: number
  date_edtf: string
  earliest_day: string
  latest_day: string
  expression: string
  sentence: string
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  status: ProposalStatus
  event_id: number | null
  created_at: string
}

/**
 * The article's date candidates read against its publication date, carrying that date's doubt
 * (see `candidatesAgainst`); `not-found` if the article is absent.
 */
function candidatesOf(db: Db, articleId: number, text: string): DateCandidate[] {
  const row = db
    .prepare<[number], { published_edtf: string | null; place: string | null; language: string | null }>(
      'SELECT published_edtf, place, language FROM articles WHERE id = ?'
    )
    .get(articleId)
  if (!row) throw new AnnalistError('not-found', `no article with id ${articleId}`)
  return candidatesAgainst(text, anchorDate(row.published_edtf), row.place, row.language)
}

function anchorOf(r: ProposalRow): PassageAnchor {
  return { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.end }
}

/**
 * Events on the same days that look like the same happening: one of their people or places is
 * named in the proposal's sentence (or among `extraNames`), or they already cite this article.
 */
function mergeCandidates(db: Db, r: ProposalRow, extraNames: readonly string[] = []): number[] {
  const sameDay = db
    .prepare<[string, string], { id: number }>('SELECT id FROM events WHERE earliest_day = ? AND latest_day = ? ORDER BY sort_key, id')
    .all(r.earliest_day, r.latest_day)
    .map((e) => e.id)
  if (sameDay.length === 0) return []
  const haystack = r.sentence.toLowerCase()
  const extra = new Set(extraNames.map((n) => n.toLowerCase()))
  const names = db.prepare<[number], { name: string }>('SELECT name FROM event_entities WHERE event_id = ?')
  const citesArticle = db.prepare<[number, number], { one: number }>('SELECT 1 AS one FROM citations WHERE event_id = ? AND article_id = ? LIMIT 1')
  return sameDay.filter(
    (id) =>
      citesArticle.get(id, r.article_id) !== undefined ||
      names.all(id).some(({ name }) => haystack.includes(name.toLowerCase()) || extra.has(name.toLowerCase()))
  )
}

function toProposal(db: Db, r: ProposalRow): ProposedEvent {
  return {
    id: r.id,
    articleId: r.article_id,
    date: { edtf: r.date_edtf, earliest: r.earliest_day, latest: r.latest_day },
    text: r.sentence,
    expression: r.expression,
    anchor: anchorOf(r),
    status: r.status,
    eventId: r.event_id,
    mergeCandidates: r.status === 'pending' ? mergeCandidates(db, r) : []
  }
}

function proposalRow(db: Db, id: number): ProposalRow {
  const row = db.prepare<[number], ProposalRow>('SELECT * FROM proposals WHERE id = ?').get(id)
  if (!row) throw new AnnalistError('not-found', `no proposal with id ${id}`)
  return row
}

/** Proposals of an article in text order, optionally only those with one status. */
export function listProposals(db: Db, articleId: number, status?: ProposalStatus): ProposedEvent[] {
  return db
    .prepare<[number, string | null, string | null], ProposalRow>(
      'SELECT * FROM proposals WHERE article_id = ? AND (? IS NULL OR status = ?) ORDER BY start, id'
    )
    .all(articleId, status ?? null, status ?? null)
    .map((r) => toProposal(db, r))
}

/** The date candidates of an article's current text and date (nothing stored). */
export function articleCandidates(db: Db, articleId: number): DateCandidate[] {
  const { text } = articleText(db, articleId)
  return candidatesOf(db, articleId, text)
}

/**
 * Recomputes an article's proposals from its current text and publication date. Pending ones are
 * updated in place (same passage) or removed; dismissed and accepted ones follow their passage
 * if the text moved and block any new proposal on the same passage. Call inside a transaction.
 */
export function refreshArticleProposals(db: Db, articleId: number): void {
  const { text } = articleText(db, articleId)
  const candidates = candidatesOf(db, articleId, text)
  const existing = db.prepare<[number], ProposalRow>('SELECT * FROM proposals WHERE article_id = ? ORDER BY id').all(articleId)
  // Park pending rows off the text first so moved passages cannot trip UNIQUE(article_id, start, end).
  db.prepare("UPDATE proposals SET start = -id, end = -id WHERE article_id = ? AND status = 'pending'").run(articleId)
  const move = db.prepare('UPDATE proposals SET start = ?, end = ?, prefix = ?, suffix = ? WHERE id = ?')
  const settled = existing.filter((r) => r.status !== 'pending')
  for (const r of settled) {
    const found = locateAnchor(text, anchorOf(r))
    if (found && found.start !== r.start) {
      move.run(found.start, found.end, text.slice(Math.max(0, found.start - 32), found.start), text.slice(found.end, found.end + 32), r.id)
      r.start = found.start
      r.end = found.end
    }
  }
  const pending = existing.filter((r) => r.status === 'pending')
  const matches = (r: ProposalRow, a: PassageAnchor): boolean => (r.start === a.start && r.end === a.end) || r.exact === a.exact
  const updates: [ProposalRow, DateCandidate][] = []
  const inserts: DateCandidate[] = []
  for (const c of candidates) {
    if (settled.some((r) => matches(r, c.anchor))) continue
    const same = pending.find((r) => !updates.some(([u]) => u === r) && matches(r, c.anchor))
    if (same) updates.push([same, c])
    else inserts.push(c)
  }
  const remove = db.prepare('DELETE FROM proposals WHERE id = ?')
  for (const r of pending) if (!updates.some(([u]) => u === r)) remove.run(r.id)
  const update = db.prepare(
    `UPDATE proposals SET date_edtf = ?, earliest_day = ?, latest_day = ?, expression = ?, sentence = ?, exact = ?,
       prefix = ?, suffix = ?, start = ?, end = ? WHERE id = ?`
  )
  for (const [r, c] of updates) {
    const a = c.anchor
    const d = eventDate(c.edtf)
    update.run(d.edtf, d.earliest, d.latest, c.expression, c.text, a.exact, a.prefix, a.suffix, a.start, a.end, r.id)
  }
  const insert = db.prepare(
    `INSERT INTO proposals (article_id, date_edtf, earliest_day, latest_day, expression, sentence, exact, prefix, suffix,
       start, end, status, event_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', NULL, ?)`
  )
  for (const c of inserts) {
    const a = c.anchor
    const d = eventDate(c.edtf)
    insert.run(articleId, d.edtf, d.earliest, d.latest, c.expression, c.text, a.exact, a.prefix, a.suffix, a.start, a.end, now())
  }
}

/** Computes (or re-computes) an article's proposals and returns the pending ones in text order. */
export function suggestEvents(db: Db, articleId: number): ProposedEvent[] {
  db.transaction(() => refreshArticleProposals(db, articleId))()
  return listProposals(db, articleId, 'pending')
}

function defaultTitle(sentence: string): string {
  const s = sentence.replace(/\s+/g, ' ').trim()
  if (s.length <= 100) return s
  const cut = s.slice(0, 100)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : 100)}…`
}

/**
 * Accepts a pending proposal: creates an event dated and cited from it (with optional edits), or
 * with `mergeInto` adds its citation (and any edited tags, people, places) to that event.
 * Refused with `conflict` when the article text changed so the passage cannot be found exactly.
 */
export function acceptProposal(
  db: Db,
  args: { proposalId: number; edits?: ProposalEdits; mergeInto?: number }
): AcceptedProposal {
  const row = proposalRow(db, args.proposalId)
  if (row.status !== 'pending') throw new AnnalistError('conflict', `proposal ${row.id} is already ${row.status}`)
  return journaled(db, `Accept proposal "${row.expression}"`, () => {
    const { text, hash } = articleText(db, row.article_id)
    const found = locateAnchor(text, anchorOf(row))
    if (!found) {
      throw new AnnalistError('conflict', `the passage of proposal ${row.id} is no longer in article ${row.article_id}; suggest events again`)
    }
    const anchor: PassageAnchor = {
      exact: row.exact,
      prefix: text.slice(Math.max(0, found.start - 32), found.start),
      suffix: text.slice(found.end, found.end + 32),
      start: found.start,
      end: found.end
    }
    const edits = args.edits ?? {}
    let eventId: number
    if (args.mergeInto !== undefined) {
      const target = getEvent(db, args.mergeInto)
      eventId = target.id
      const already = target.citations.some((c) => c.articleId === row.article_id && c.anchor.start === anchor.start && c.anchor.end === anchor.end)
      if (!already) insertAnchoredCitation(db, { eventId, articleId: row.article_id, anchor, textHash: hash })
      if (edits.tags) setEventTags(db, eventId, [...target.tags, ...edits.tags])
      if (edits.people) setEventEntities(db, eventId, 'person', cleanNames([...target.people, ...edits.people]))
      if (edits.places) setEventEntities(db, eventId, 'place', cleanNames([...target.places, ...edits.places]))
      if (edits.chronologyIds) setMemberships(db, eventId, [...new Set([...target.chronologyIds, ...edits.chronologyIds])])
      db.prepare('UPDATE events SET updated_at = ? WHERE id = ?').run(now(), eventId)
    } else {
      eventId = insertEvent(db, {
        title: edits.title ?? defaultTitle(row.sentence),
        date: edits.date ?? row.date_edtf,
        note: edits.note,
        status: edits.status,
        tags: edits.tags,
        people: edits.people,
        places: edits.places,
        chronologyIds: edits.chronologyIds
      })
      insertAnchoredCitation(db, { eventId, articleId: row.article_id, anchor, textHash: hash })
    }
    db.prepare("UPDATE proposals SET status = 'accepted', event_id = ? WHERE id = ?").run(eventId, row.id)
    return { proposal: toProposal(db, proposalRow(db, row.id)), event: getEvent(db, eventId) }
  })
}

/** Dismisses a pending proposal; re-runs never bring it back. */
export function dismissProposal(db: Db, proposalId: number): ProposedEvent {
  const row = proposalRow(db, proposalId)
  if (row.status === 'dismissed') return toProposal(db, row)
  if (row.status === 'accepted') throw new AnnalistError('conflict', `proposal ${row.id} was accepted as event ${row.event_id}`)
  return journaled(db, `Dismiss proposal "${row.expression}"`, () => {
    db.prepare("UPDATE proposals SET status = 'dismissed' WHERE id = ?").run(proposalId)
    return toProposal(db, proposalRow(db, proposalId))
  })
}

/** Merge candidates for a proposal given the people and places the user is about to add. */
export function proposalMergeCandidates(db: Db, proposalId: number, names: readonly string[]): number[] {
  return mergeCandidates(db, proposalRow(db, proposalId), names)
}

/**
 * Dates written in the sentences a passage overlaps (what the user selected to cite), resolved
 * like proposals; the first is the natural default date for a new event. Nothing is stored.
 */
export function datesForPassage(db: Db, args: { articleId: number; start: number; end: number }): PassageDate[] {
  const seen = new Set<string>()
  return articleCandidates(db, args.articleId)
    .filter((c) => c.anchor.start < args.end && args.start < c.anchor.end)
    .flatMap((c) => {
      if (seen.has(c.edtf)) return []
      seen.add(c.edtf)
      const d = eventDate(c.edtf)
      return [{ date: { edtf: d.edtf, earliest: d.earliest, latest: d.latest }, expression: c.expression }]
    })
}
