/** Stored date proposals of articles, and the few facts about articles and events they are read against. */
import type { Db } from '../db'
import { all, get, run, sql, sqlEmpty } from '../sql'
import type { EventDate, PassageAnchor, ProposalStatus } from '../../../shared/chronology'

/** A proposal as stored: the passage it was found in, its resolved date and what became of it. */
export interface StoredProposal {
  id: number
  articleId: number
  date: EventDate
  expression: string
  sentence: string
  anchor: PassageAnchor
  status: ProposalStatus
  eventId: number | null
}

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
}

function toStored(r: ProposalRow): StoredProposal {
  return {
    id: r.id,
    articleId: r.article_id,
    date: { edtf: r.date_edtf, earliest: r.earliest_day, latest: r.latest_day },
    expression: r.expression,
    sentence: r.sentence,
    anchor: { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.end },
    status: r.status,
    eventId: r.event_id
  }
}

const COLUMNS = sql`id, article_id, date_edtf, earliest_day, latest_day, expression, sentence, exact, prefix, suffix, start, end, status, event_id`

/** One proposal, or undefined. */
export function proposalById(db: Db, id: number): StoredProposal | undefined {
  const row = get<ProposalRow>(db, sql`SELECT ${COLUMNS} FROM proposals WHERE id = ${id}`)
  return row && toStored(row)
}

/** An article's proposals in text order, optionally only those with one status. */
export function proposalsInTextOrder(db: Db, articleId: number, status?: ProposalStatus): StoredProposal[] {
  const only = status === undefined ? sqlEmpty : sql`AND status = ${status}`
  return all<ProposalRow>(db, sql`SELECT ${COLUMNS} FROM proposals WHERE article_id = ${articleId} ${only} ORDER BY start, id`).map(toStored)
}

/** An article's proposals, oldest first. */
export function proposalsOldestFirst(db: Db, articleId: number): StoredProposal[] {
  return all<ProposalRow>(db, sql`SELECT ${COLUMNS} FROM proposals WHERE article_id = ${articleId} ORDER BY id`).map(toStored)
}

/** Moves an article's pending proposals off the text (negative offsets), so moved passages cannot collide on UNIQUE(article_id, start, end). */
export function parkPendingProposals(db: Db, articleId: number): void {
  run(db, sql`UPDATE proposals SET start = -id, end = -id WHERE article_id = ${articleId} AND status = 'pending'`)
}

/** Points a proposal at where its passage now is. */
export function moveProposal(db: Db, id: number, at: { start: number; end: number; prefix: string; suffix: string }): void {
  run(db, sql`UPDATE proposals SET start = ${at.start}, end = ${at.end}, prefix = ${at.prefix}, suffix = ${at.suffix} WHERE id = ${id}`)
}

/** Removes a proposal. */
export function deleteProposal(db: Db, id: number): void {
  run(db, sql`DELETE FROM proposals WHERE id = ${id}`)
}

/** What a proposal says: its date, the words that wrote it, its sentence and passage. */
export interface ProposalContent {
  date: EventDate
  expression: string
  sentence: string
  anchor: PassageAnchor
}

/** Replaces what a pending proposal says. */
export function rewriteProposal(db: Db, id: number, c: ProposalContent): void {
  const a = c.anchor
  run(
    db,
    sql`UPDATE proposals SET date_edtf = ${c.date.edtf}, earliest_day = ${c.date.earliest}, latest_day = ${c.date.latest},
          expression = ${c.expression}, sentence = ${c.sentence}, exact = ${a.exact}, prefix = ${a.prefix}, suffix = ${a.suffix},
          start = ${a.start}, end = ${a.end}
        WHERE id = ${id}`
  )
}

/** Inserts a pending proposal for an article. */
export function insertPendingProposal(db: Db, articleId: number, c: ProposalContent, at: string): void {
  const a = c.anchor
  run(
    db,
    sql`INSERT INTO proposals (article_id, date_edtf, earliest_day, latest_day, expression, sentence, exact, prefix, suffix,
          start, end, status, event_id, created_at)
        VALUES (${articleId}, ${c.date.edtf}, ${c.date.earliest}, ${c.date.latest}, ${c.expression}, ${c.sentence}, ${a.exact},
          ${a.prefix}, ${a.suffix}, ${a.start}, ${a.end}, 'pending', NULL, ${at})`
  )
}

/** Marks a proposal accepted into an event. */
export function markProposalAccepted(db: Db, id: number, eventId: number): void {
  run(db, sql`UPDATE proposals SET status = 'accepted', event_id = ${eventId} WHERE id = ${id}`)
}

/** Marks a proposal dismissed. */
export function markProposalDismissed(db: Db, id: number): void {
  run(db, sql`UPDATE proposals SET status = 'dismissed' WHERE id = ${id}`)
}

/** What dates an article's text is read against: its publication date, dateline place and language; undefined if absent. */
export function articleDatingFacts(
  db: Db,
  articleId: number
): { publishedEdtf: string | null; place: string | null; language: string | null } | undefined {
  const row = get<{ published_edtf: string | null; place: string | null; language: string | null }>(
    db,
    sql`SELECT published_edtf, place, language FROM articles WHERE id = ${articleId}`
  )
  return row && { publishedEdtf: row.published_edtf, place: row.place, language: row.language }
}

/** Ids of events spanning exactly these days, in chronological order. */
export function eventIdsSpanning(db: Db, earliest: string, latest: string): number[] {
  return all<{ id: number }>(
    db,
    sql`SELECT id FROM events WHERE earliest_day = ${earliest} AND latest_day = ${latest} ORDER BY sort_key, id`
  ).map((e) => e.id)
}

/** The people and place names of an event. */
export function eventEntityNames(db: Db, eventId: number): string[] {
  return all<{ name: string }>(db, sql`SELECT name FROM event_entities WHERE event_id = ${eventId}`).map((r) => r.name)
}

/** Whether an event cites an article. */
export function eventCitesArticle(db: Db, eventId: number, articleId: number): boolean {
  return get(db, sql`SELECT 1 AS one FROM citations WHERE event_id = ${eventId} AND article_id = ${articleId} LIMIT 1`) !== undefined
}
