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
import { touchEvent } from '../../archive/repo/event-writes'
import { nameArticle } from '../../archive/article-name'
import {
  articleDatingFacts,
  deleteProposal,
  eventCitesArticle,
  eventEntityNames,
  eventIdsSpanning,
  insertPendingProposal,
  markProposalAccepted,
  markProposalDismissed,
  moveProposal,
  parkPendingProposals,
  proposalById,
  proposalsInTextOrder,
  proposalsOldestFirst,
  rewriteProposal,
  type ProposalContent,
  type StoredProposal
} from '../../archive/repo/proposals'
import { anchorDate, candidatesAgainst } from './anchor-doubt'
import type { DateCandidate } from './extract'
import { suggestTitle } from '../../../shared/titles'

/**
 * The article's date candidates read against its publication date, carrying that date's doubt
 * (see `candidatesAgainst`); `not-found` if the article is absent.
 */
function candidatesOf(db: Db, articleId: number, text: string): DateCandidate[] {
  const facts = articleDatingFacts(db, articleId)
  if (!facts) throw new AnnalistError('not-found', `no article with id ${articleId}`)
  return candidatesAgainst(text, anchorDate(facts.publishedEdtf), facts.place, facts.language)
}

/**
 * Events on the same days that look like the same happening: one of their people or places is
 * named in the proposal's sentence (or among `extraNames`), or they already cite this article.
 */
function mergeCandidates(db: Db, r: StoredProposal, extraNames: readonly string[] = []): number[] {
  const sameDay = eventIdsSpanning(db, r.date.earliest, r.date.latest)
  if (sameDay.length === 0) return []
  const haystack = r.sentence.toLowerCase()
  const extra = new Set(extraNames.map((n) => n.toLowerCase()))
  return sameDay.filter(
    (id) =>
      eventCitesArticle(db, id, r.articleId) ||
      eventEntityNames(db, id).some((name) => haystack.includes(name.toLowerCase()) || extra.has(name.toLowerCase()))
  )
}

function toProposal(db: Db, r: StoredProposal): ProposedEvent {
  return {
    id: r.id,
    articleId: r.articleId,
    date: r.date,
    text: r.sentence,
    expression: r.expression,
    anchor: r.anchor,
    status: r.status,
    eventId: r.eventId,
    mergeCandidates: r.status === 'pending' ? mergeCandidates(db, r) : []
  }
}

function proposalRow(db: Db, id: number): StoredProposal {
  const row = proposalById(db, id)
  if (!row) throw new AnnalistError('not-found', `no proposal with id ${id}`)
  return row
}

/** Proposals of an article in text order, optionally only those with one status. */
export function listProposals(db: Db, articleId: number, status?: ProposalStatus): ProposedEvent[] {
  return proposalsInTextOrder(db, articleId, status).map((r) => toProposal(db, r))
}

/** The date candidates of an article's current text and date (nothing stored). */
export function articleCandidates(db: Db, articleId: number): DateCandidate[] {
  const { text } = articleText(db, articleId)
  return candidatesOf(db, articleId, text)
}

/** What a candidate would store as a proposal, its date validated as an event's would be. */
function proposalContent(c: DateCandidate): ProposalContent {
  const d = eventDate(c.edtf)
  return { date: { edtf: d.edtf, earliest: d.earliest, latest: d.latest }, expression: c.expression, sentence: c.text, anchor: c.anchor }
}

/**
 * Recomputes an article's proposals from its current text and publication date. Pending ones are
 * updated in place (same passage) or removed; dismissed and accepted ones follow their passage
 * if the text moved and block any new proposal on the same passage. Call inside a transaction.
 */
export function refreshArticleProposals(db: Db, articleId: number): void {
  const { text } = articleText(db, articleId)
  const candidates = candidatesOf(db, articleId, text)
  const existing = proposalsOldestFirst(db, articleId)
  // Park pending rows off the text first so moved passages cannot trip UNIQUE(article_id, start, end).
  parkPendingProposals(db, articleId)
  const settled = existing.filter((r) => r.status !== 'pending')
  for (const r of settled) {
    const found = locateAnchor(text, r.anchor)
    if (found && found.start !== r.anchor.start) {
      const prefix = text.slice(Math.max(0, found.start - 32), found.start)
      const suffix = text.slice(found.end, found.end + 32)
      moveProposal(db, r.id, { start: found.start, end: found.end, prefix, suffix })
      r.anchor = { ...r.anchor, start: found.start, end: found.end }
    }
  }
  const pending = existing.filter((r) => r.status === 'pending')
  const matches = (r: StoredProposal, a: PassageAnchor): boolean =>
    (r.anchor.start === a.start && r.anchor.end === a.end) || r.anchor.exact === a.exact
  const updates: [StoredProposal, DateCandidate][] = []
  const inserts: DateCandidate[] = []
  for (const c of candidates) {
    if (settled.some((r) => matches(r, c.anchor))) continue
    const same = pending.find((r) => !updates.some(([u]) => u === r) && matches(r, c.anchor))
    if (same) updates.push([same, c])
    else inserts.push(c)
  }
  for (const r of pending) if (!updates.some(([u]) => u === r)) deleteProposal(db, r.id)
  for (const [r, c] of updates) rewriteProposal(db, r.id, proposalContent(c))
  for (const c of inserts) insertPendingProposal(db, articleId, proposalContent(c), now())
}

/** Computes (or re-computes) an article's proposals and returns the pending ones in text order. */
export function suggestEvents(db: Db, articleId: number): ProposedEvent[] {
  db.transaction(() => refreshArticleProposals(db, articleId))()
  return listProposals(db, articleId, 'pending')
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
    const { text, hash } = articleText(db, row.articleId)
    const found = locateAnchor(text, row.anchor)
    if (!found) {
      throw new AnnalistError('conflict', `the passage of proposal “${row.expression}” is no longer in ${nameArticle(db, row.articleId)}; suggest events again`)
    }
    const anchor: PassageAnchor = {
      exact: row.anchor.exact,
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
      const already = target.citations.some((c) => c.articleId === row.articleId && c.anchor.start === anchor.start && c.anchor.end === anchor.end)
      if (!already) insertAnchoredCitation(db, { eventId, articleId: row.articleId, anchor, textHash: hash })
      if (edits.tags) setEventTags(db, eventId, [...target.tags, ...edits.tags])
      if (edits.people) setEventEntities(db, eventId, 'person', cleanNames([...target.people, ...edits.people]))
      if (edits.places) setEventEntities(db, eventId, 'place', cleanNames([...target.places, ...edits.places]))
      if (edits.chronologyIds) setMemberships(db, eventId, [...new Set([...target.chronologyIds, ...edits.chronologyIds])])
      touchEvent(db, eventId, now())
    } else {
      eventId = insertEvent(db, {
        title: edits.title ?? suggestTitle(row.sentence),
        date: edits.date ?? row.date.edtf,
        note: edits.note,
        status: edits.status,
        tags: edits.tags,
        people: edits.people,
        places: edits.places,
        chronologyIds: edits.chronologyIds
      })
      insertAnchoredCitation(db, { eventId, articleId: row.articleId, anchor, textHash: hash })
    }
    markProposalAccepted(db, row.id, eventId)
    return { proposal: toProposal(db, proposalRow(db, row.id)), event: getEvent(db, eventId) }
  })
}

/** Dismisses a pending proposal; re-runs never bring it back. */
export function dismissProposal(db: Db, proposalId: number): ProposedEvent {
  const row = proposalRow(db, proposalId)
  if (row.status === 'dismissed') return toProposal(db, row)
  if (row.status === 'accepted') throw new AnnalistError('conflict', `proposal ${row.id} was accepted as event ${row.eventId}`)
  return journaled(db, `Dismiss proposal "${row.expression}"`, () => {
    markProposalDismissed(db, proposalId)
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
