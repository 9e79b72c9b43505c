/** Contract rows of articles: the library list, the reader, tags, originals, edits and deletion. */
import * as z from 'zod/mini'
import type { ArticleTagCount, TagArticlesResult } from '../article-tags'
import { LANGUAGE_TAG, type ArticleEditResult, type DeleteArticlesResult } from '../chronology'
import type { OriginalFile } from '../originals'
import { ARTICLE_SORTS, type ArticleDetail, type ArticlePage } from '../types'
import { method, returns } from './method'
import { edtf, id, list, name, text, whole } from './schemas'

const tags = list(text(0, 1000), 0, 1000)
const ids = list(id, 1, 100_000)
/** A field an edit may set, or clear with null. */
const clearable = <T extends z.core.SomeType>(field: T): z.ZodMiniOptional<z.ZodMiniNullable<T>> => z.optional(z.nullable(field))

export const articleMethods = {
  /** One page of the library, sorted. */
  listArticles: method({
    args: z.strictObject({
      limit: z.optional(whole(1, 100_000)),
      offset: z.optional(whole(0)),
      sort: z.optional(z.enum(ARTICLE_SORTS)),
      order: z.optional(z.enum(['asc', 'desc']))
    }),
    result: returns<ArticlePage>(),
    access: 'read'
  }),
  /** One article with its paragraphs, tags and near-duplicates. */
  getArticle: method({ args: z.strictObject({ id }), result: returns<ArticleDetail>(), access: 'read' }),
  /**
   * Where a quote the person typed stands in the article's clean text: exact first, then with
   * runs of whitespace folded. `not-found` when it is missing, `conflict` when it occurs more than once.
   */
  locateQuote: method({
    args: z.strictObject({ articleId: id, quote: text(1, 100_000) }),
    result: returns<{ start: number; end: number }>(),
    access: 'read'
  }),

  // Article tags: each change is undoable and followed by `chronologyChanged`.
  /** Replaces one article's tags (trimmed, case-insensitively unique); returns the stored names. */
  setArticleTags: method({ args: z.strictObject({ id, tags }), result: returns<{ id: number; tags: string[] }>(), access: 'write' }),
  /** Adds and/or removes tags on many articles at once, all or nothing. */
  tagArticles: method({
    args: z.strictObject({ ids, add: z.optional(tags), remove: z.optional(tags) }),
    result: returns<TagArticlesResult>(),
    access: 'write'
  }),
  /** Tags used on articles with their article counts, most used first (autocomplete). */
  listArticleTags: method({
    args: z.strictObject({ prefix: z.optional(text(0, 500)), limit: z.optional(whole(1, 10_000)) }),
    result: returns<ArticleTagCount[]>(),
    access: 'read'
  }),

  /** The article's original file: decoded text for text-like types (HTML is shown only sanitized), null for binary or huge ones. */
  getOriginal: method({ args: z.strictObject({ id }), result: returns<OriginalFile>(), access: 'read' }),

  // Article edits: undoable, followed by `chronologyChanged`.
  /** The user's publication date (EDTF, or null to clear); pending proposals are re-resolved. */
  setArticleDate: method({ args: z.strictObject({ id, edtf: z.nullable(edtf) }), result: returns<ArticleDetail>(), access: 'write' }),
  /** Edits metadata and/or clean text; citations are re-anchored (orphaned if lost). */
  updateArticle: method({
    args: z.strictObject({
      id,
      title: z.optional(text(1, 2000)),
      dek: clearable(text(0, 10_000)),
      outlet: clearable(name),
      byline: clearable(name),
      place: clearable(name),
      language: clearable(z.string().check(z.regex(LANGUAGE_TAG, 'expected a language tag such as en, pt or pt-BR'))),
      text: z.optional(text(1, 50_000_000)),
      published: clearable(edtf)
    }),
    result: returns<ArticleEditResult>(),
    access: 'write'
  }),
  /**
   * Deletes every given article no event cites, as ONE undoable action whatever the number; cited
   * ones are refused by title with the citing events' titles. `actionId` is what `undo` takes.
   */
  deleteArticles: method({
    args: z.strictObject({ ids }),
    result: returns<DeleteArticlesResult>(),
    access: 'write'
  })
}
