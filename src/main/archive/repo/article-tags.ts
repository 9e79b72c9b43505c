/**
 * Tags on articles. Tag rows are shared with events (one `tags` table, names unique without
 * regard to case), so a tag row is only removed once neither an article nor an event uses it.
 */
import type { Db } from '../db'
import { all, likePrefix, sql } from '../sql'
import { AnnalistError } from '../../../shared/errors'
import type { ArticleTagCount, TagArticlesResult } from '../../../shared/article-tags'

/** Longest tag name accepted; tags are labels, not notes. */
export const MAX_TAG_LENGTH = 100

/**
 * Trimmed names (inner whitespace folded) with case-insensitive duplicates dropped, first
 * spelling kept; `invalid-argument` for an empty, over-long, comma or quote-holding name.
 */
export function cleanTagNames(names: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ')
    if (name === '') throw new AnnalistError('invalid-argument', 'a tag name cannot be empty')
    if (name.length > MAX_TAG_LENGTH) {
      throw new AnnalistError('invalid-argument', `tag "${name.slice(0, 40)}…" is longer than ${MAX_TAG_LENGTH} characters`)
    }
    // Tags are edited as a comma-separated list and searched as tag:"name", so neither can hold these.
    if (/[,"]/.test(name)) throw new AnnalistError('invalid-argument', `tag "${name}" cannot contain a comma or a double quote`)
    const key = name.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(name)
  }
  return out
}

function requireArticles(db: Db, ids: readonly number[]): void {
  const found = new Set(
    db
      .prepare<[string], number>('SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(ids))
  )
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(', ')
    throw new AnnalistError('not-found', `no article ${shown}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''}`)
  }
}

/** The tag's id, creating the row when no tag of that name (in any case) exists. */
function ensureTag(db: Db, name: string): number {
  db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name)
  return db.prepare<[string], number>('SELECT id FROM tags WHERE name = ?').pluck().get(name)!
}

/** Drops those of `tagIds` no article and no event uses any more, so autocomplete stops offering them. */
function dropUnusedTags(db: Db, tagIds: readonly number[]): void {
  if (tagIds.length === 0) return
  db.prepare(
    `DELETE FROM tags WHERE id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM article_tags WHERE tag_id = tags.id)
       AND NOT EXISTS (SELECT 1 FROM event_tags WHERE tag_id = tags.id)`
  ).run(JSON.stringify(tagIds))
}

/** The article's tag names, sorted without regard to case. */
export function articleTags(db: Db, id: number): string[] {
  return db
    .prepare<[number], string>(
      'SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.name COLLATE NOCASE'
    )
    .pluck()
    .all(id)
}

/** Replaces one article's tags with `tags` in one transaction; returns the stored names. */
export function setArticleTags(db: Db, id: number, tags: readonly string[]): string[] {
  const names = cleanTagNames(tags)
  return db.transaction(() => {
    requireArticles(db, [id])
    const before = db.prepare<[number], number>('SELECT tag_id FROM article_tags WHERE article_id = ?').pluck().all(id)
    db.prepare('DELETE FROM article_tags WHERE article_id = ?').run(id)
    const link = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)')
    for (const name of names) link.run(id, ensureTag(db, name))
    dropUnusedTags(db, before)
    return articleTags(db, id)
  })()
}

/**
 * Adds the `add` tags to and removes the `remove` tags from every article in `ids`, in one
 * transaction (all or nothing). A name in both lists is refused: the intent is unclear.
 */
export function tagArticles(
  db: Db,
  ids: readonly number[],
  add: readonly string[] = [],
  remove: readonly string[] = []
): TagArticlesResult {
  const adding = cleanTagNames(add)
  const removing = cleanTagNames(remove)
  const both = adding.filter((a) => removing.some((r) => r.toLowerCase() === a.toLowerCase()))
  if (both.length > 0) throw new AnnalistError('invalid-argument', `tag "${both[0]}" is both added and removed`)
  if (adding.length === 0 && removing.length === 0) throw new AnnalistError('invalid-argument', 'name a tag to add or remove')
  const unique = [...new Set(ids)]
  if (unique.length === 0) throw new AnnalistError('invalid-argument', 'select at least one article')
  const list = JSON.stringify(unique)
  return db.transaction((): TagArticlesResult => {
    requireArticles(db, unique)
    let added = 0
    let removed = 0
    for (const name of adding) {
      const tagId = ensureTag(db, name)
      added += db
        .prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) SELECT value, ? FROM json_each(?)')
        .run(tagId, list).changes
    }
    const touched: number[] = []
    for (const name of removing) {
      const tagId = db.prepare<[string], number>('SELECT id FROM tags WHERE name = ?').pluck().get(name)
      if (tagId === undefined) continue
      touched.push(tagId)
      removed += db
        .prepare('DELETE FROM article_tags WHERE tag_id = ? AND article_id IN (SELECT value FROM json_each(?))')
        .run(tagId, list).changes
    }
    dropUnusedTags(db, touched)
    return { added, removed }
  })()
}

/** Every tag used on articles with how many articles carry it, most used first. */
export function listArticleTags(db: Db, prefix = '', limit = 1000): ArticleTagCount[] {
  return all<ArticleTagCount>(
    db,
    sql`SELECT t.name AS name, count(*) AS count FROM tags t JOIN article_tags at ON at.tag_id = t.id
        WHERE t.name LIKE ${likePrefix(prefix.trim())} ESCAPE '\\'
        GROUP BY t.id ORDER BY count(*) DESC, t.name COLLATE NOCASE LIMIT ${limit}`
  )
}
