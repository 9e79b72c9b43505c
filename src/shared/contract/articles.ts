/** Contract rows of articles: the library list, the reader, tags, originals, edits and deletion. */
import { z } from 'zod'
import type { ArticleTagCount, TagArticlesResult } from '../article-tags'
import { LANGUAGE_TAG, type ArticleEditResult, type DeleteArticlesResult } from '../chronology'
import type { OriginalFile } from '../originals'
import { ARTICLE_SORTS, type ArticleDetail, type ArticlePage } from '../types'
import { method, returns } from './method'
import { edtf, id, name } from './schemas'

const tag = z.string().max(1000)
const tags = z.array(tag).max(1000)

export const articleMethods = {
  /** One page of the library, sorted. */
  listArticles: method({
    args: z
      .object({
        limit: z.number().int().min(1).max(100_000).optional(),
        offset: z.number().int().min(0).optional(),
        sort: z.enum(ARTICLE_SORTS).optional(),
        order: z.enum(['asc', 'desc']).optional()
      })
      .strict(),
    result: returns<ArticlePage>(),
    access: 'read'
  }),
  /** One article with its paragraphs, tags and near-duplicates. */
  getArticle: method({ args: z.object({ id }).strict(), result: returns<ArticleDetail>(), access: 'read' }),
  /**
   * Where a quote the person typed stands in the article's clean text: exact first, then with
   * runs of whitespace folded. `not-found` when it is missing, `conflict` when it occurs more than once.
   */
  locateQuote: method({
    args: z.object({ articleId: id, quote: z.string().min(1).max(100_000) }).strict(),
    result: returns<{ start: number; end: number }>(),
    access: 'read'
  }),

  // Article tags: each change is undoable and followed by `chronologyChanged`.
  /** Replaces one article's tags (trimmed, case-insensitively unique); returns the stored names. */
  setArticleTags: method({ args: z.object({ id, tags }).strict(), result: returns<{ id: number; tags: string[] }>(), access: 'write' }),
  /** Adds and/or removes tags on many articles at once, all or nothing. */
  tagArticles: method({
    args: z.object({ ids: z.array(id).min(1).max(100_000), add: tags.optional(), remove: tags.optional() }).strict(),
    result: returns<TagArticlesResult>(),
    access: 'write'
  }),
  /** Tags used on articles with their article counts, most used first (autocomplete). */
  listArticleTags: method({
    args: z.object({ prefix: z.string().max(500).optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
    result: returns<ArticleTagCount[]>(),
    access: 'read'
  }),

  /** The article's original file: decoded text for text-like types (HTML is shown only sanitized), null for binary or huge ones. */
  getOriginal: method({ args: z.object({ id }).strict(), result: returns<OriginalFile>(), access: 'read' }),

  // Article edits: undoable, followed by `chronologyChanged`.
  /** The user's publication date (EDTF, or null to clear); pending proposals are re-resolved. */
  setArticleDate: method({ args: z.object({ id, edtf: edtf.nullable() }).strict(), result: returns<ArticleDetail>(), access: 'write' }),
  /** Edits metadata and/or clean text; citations are re-anchored (orphaned if lost). */
  updateArticle: method({
    args: z
      .object({
        id,
        title: z.string().min(1).max(2000).optional(),
        dek: z.string().max(10_000).nullable().optional(),
        outlet: name.nullable().optional(),
        byline: name.nullable().optional(),
        place: name.nullable().optional(),
        language: z.string().regex(LANGUAGE_TAG, 'expected a language tag such as en, pt or pt-BR').nullable().optional(),
        text: z.string().min(1).max(50_000_000).optional(),
        published: edtf.nullable().optional()
      })
      .strict(),
    result: returns<ArticleEditResult>(),
    access: 'write'
  }),
  /**
   * Deletes every given article no event cites, as ONE undoable action whatever the number; cited
   * ones are refused by title with the citing events' titles. `actionId` is what `undo` takes.
   */
  deleteArticles: method({
    args: z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
    result: returns<DeleteArticlesResult>(),
    access: 'write'
  })
}
