/** Contract row of exporting a chronology as a document. */
import { z } from 'zod'
import { CLAIM_STATUSES } from '../chronology'
import { EXPORT_FORMATS, EXPORT_GROUPINGS, type ExportResult } from '../export'
import { method, returns } from './method'
import { id } from './schemas'

const flag = z.boolean().optional()

/** ExportOptions as validated at the process boundary. */
export const exportOptionsSchema = z
  .object({
    chronologyId: id.optional(),
    title: z.string().max(1000).optional(),
    preamble: z.string().max(100_000).optional(),
    from: z.string().min(1).max(64).optional(),
    to: z.string().min(1).max(64).optional(),
    tags: z.array(z.string().min(1).max(200)).max(1000).optional(),
    statuses: z.array(z.enum(CLAIM_STATUSES)).max(CLAIM_STATUSES.length).optional(),
    quotes: flag,
    group: z.enum(EXPORT_GROUPINGS).optional(),
    links: flag,
    bibliography: flag,
    bothSides: flag,
    generatedAt: z.string().max(100).optional(),
    formulaGuard: flag,
    bom: flag
  })
  .strict()

export const exportMethods = {
  /** Renders the events of one chronology (or all) as a document: Markdown, CSV, JSON, TimelineJS or CSL-JSON. */
  exportChronology: method({
    args: z.object({ format: z.enum(EXPORT_FORMATS), options: exportOptionsSchema.optional() }).strict(),
    result: returns<ExportResult>(),
    access: 'read'
  })
}
