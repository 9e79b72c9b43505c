/** Reading citations with the article each quotes, by event, by article or by id. */
import type { Db } from '../db'
import { all, sql, sqlList, type SqlFragment } from '../sql'
import { AnnalistError } from '../../../shared/errors'
import type { Citation, Stance } from '../../../shared/chronology'
import { publishedOf, type PublishedColumns } from './published'

interface CitationRow extends PublishedColumns {
  id: number
  event_id: number
  article_id: number
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  text_hash: string
  stance: Stance
  orphaned: number
  note: string | null
  created_at: string
  title: string
  outlet: string | null
  byline: string | null
  url: string | null
  language: string | null
  file_name: string | null
  paragraph: number | null
  page: number | null
}

function toCitation(r: CitationRow): Citation {
  return {
    id: r.id,
    eventId: r.event_id,
    articleId: r.article_id,
    anchor: { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.start, end: r.end },
    textHash: r.text_hash,
    stance: r.stance,
    orphaned: r.orphaned === 1,
    note: r.note,
    paragraph: r.orphaned === 1 ? null : r.paragraph,
    page: r.orphaned === 1 ? null : r.page,
    article: {
      id: r.article_id,
      title: r.title,
      outlet: r.outlet,
      byline: r.byline,
      published: publishedOf(r),
      url: r.url,
      fileName: r.file_name,
      language: r.language
    },
    createdAt: r.created_at
  }
}

/** Citations matching `where`, in document order per event; `where` is one of the readers' own. */
function citationsWhere(db: Db, where: SqlFragment): Citation[] {
  return all<CitationRow>(
    db,
    sql`SELECT c.id, c.event_id, c.article_id, c.exact, c.prefix, c.suffix, c.start, c.end, c.text_hash, c.stance,
               c.orphaned, c.note, c.created_at, a.title, s.name AS outlet, a.byline, a.url, a.language, a.published_edtf,
               a.published_precision, a.published_provenance, f.name AS file_name, p.ordinal AS paragraph, p.page
        FROM citations c
        JOIN articles a ON a.id = c.article_id
        LEFT JOIN sources s ON s.id = a.source_id
        LEFT JOIN files f ON f.id = a.file_id
        LEFT JOIN paragraphs p ON p.id = (SELECT id FROM paragraphs WHERE article_id = c.article_id AND end > c.start
                                          ORDER BY ordinal LIMIT 1)
        WHERE ${where}
        ORDER BY c.event_id, c.article_id, c.start, c.id`
  ).map(toCitation)
}

/** Citations of the given events, in document order per event. */
export function citationsByEvent(db: Db, eventIds: readonly number[]): Citation[] {
  return citationsWhere(db, sql`c.event_id IN ${sqlList(eventIds)}`)
}

/** Citations that quote the given articles, by event, then in document order. */
export function citationsByArticle(db: Db, articleIds: readonly number[]): Citation[] {
  return citationsWhere(db, sql`c.article_id IN ${sqlList(articleIds)}`)
}

/** One citation by id; `not-found` if absent. */
export function citationById(db: Db, id: number): Citation {
  const found = citationsWhere(db, sql`c.id = ${id}`)[0]
  if (!found) throw new AnnalistError('not-found', `no citation with id ${id}`)
  return found
}
