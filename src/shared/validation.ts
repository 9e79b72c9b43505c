/** zod schemas for every argument that crosses a process boundary, keyed by API method. */
import { z } from 'zod'
import type { ApiMethod } from './api'
import { exportChronologyArgs } from './export-validation'
import { chronologyArgs } from './chronology-validation'
import { ARTICLE_SORTS } from './types'

const id = z.number().int().positive()
const path = z.string().min(1).max(4096)
/** An import batch's id (the caller's, so it can cancel by it). */
export const batchId = z.string().min(1).max(100)
/** The name a file arrived under, when it came without a path. */
export const fileName = z.string().min(1).max(1024)

/** Argument schema per method; main validates with these before any handler runs. */
export const apiArgs = {
  ...chronologyArgs,
  exportChronology: exportChronologyArgs,
  getArchiveInfo: z.object({}).strict(),
  openArchive: z.object({ path }).strict(),
  listRecentArchives: z.object({}).strict(),
  checkArchive: z.object({}).strict(),
  backupArchive: z.object({ path }).strict(),
  importFiles: z.object({ paths: z.array(path).min(1).max(100_000), batchId: batchId.optional() }).strict(),
  importBlobs: z
    .object({
      files: z
        .array(z.object({ name: fileName, bytes: z.instanceof(Uint8Array) }).strict())
        .min(1)
        .max(10_000),
      batchId: batchId.optional()
    })
    .strict(),
  cancelImport: z.object({ batchId }).strict(),
  listArticles: z
    .object({
      limit: z.number().int().min(1).max(100_000).optional(),
      offset: z.number().int().min(0).optional(),
      sort: z.enum(ARTICLE_SORTS).optional(),
      order: z.enum(['asc', 'desc']).optional()
    })
    .strict(),
  getArticle: z.object({ id }).strict(),
  setArticleTags: z.object({ id, tags: z.array(z.string().max(1000)).max(1000) }).strict(),
  tagArticles: z
    .object({
      ids: z.array(id).min(1).max(100_000),
      add: z.array(z.string().max(1000)).max(1000).optional(),
      remove: z.array(z.string().max(1000)).max(1000).optional()
    })
    .strict(),
  listArticleTags: z.object({ prefix: z.string().max(500).optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  getOriginal: z.object({ id }).strict(),
  search: z
    .object({
      query: z.string().max(10_000),
      fuzzy: z.boolean().optional(),
      sort: z.enum(['rank', 'date', 'date-asc']).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      offset: z.number().int().min(0).max(1_000_000).optional()
    })
    .strict(),
  suggest: z.object({ prefix: z.string().max(500), limit: z.number().int().min(1).max(100).optional() }).strict(),
  highlightArticle: z.object({ articleId: id, query: z.string().max(10_000), fuzzy: z.boolean().optional() }).strict(),
  listSavedSearches: z.object({}).strict(),
  saveSearch: z
    .object({
      name: z.string().min(1).max(200),
      query: z.string().max(10_000),
      fuzzy: z.boolean().optional(),
      sort: z.enum(['rank', 'date', 'date-asc']).optional()
    })
    .strict(),
  deleteSavedSearch: z.object({ id }).strict()
} satisfies Record<ApiMethod, z.ZodType>
