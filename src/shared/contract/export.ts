/** Contract row of exporting a chronology as a document. */
import * as z from 'zod/mini'
import { CLAIM_STATUSES } from '../chronology'
import { EXPORT_FORMATS, EXPORT_GROUPINGS, type ExportResult } from '../export'
import { method, returns } from './method'
import { flag, id, list, text } from './schemas'

/** ExportOptions as validated at the process boundary. */
export const exportOptionsSchema = z.strictObject({
  chronologyId: z.optional(id),
  title: z.optional(text(0, 1000)),
  preamble: z.optional(text(0, 100_000)),
  from: z.optional(text(1, 64)),
  to: z.optional(text(1, 64)),
  tags: z.optional(list(text(1, 200), 0, 1000)),
  statuses: z.optional(list(z.enum(CLAIM_STATUSES), 0, CLAIM_STATUSES.length)),
  quotes: flag,
  group: z.optional(z.enum(EXPORT_GROUPINGS)),
  links: flag,
  bibliography: flag,
  bothSides: flag,
  generatedAt: z.optional(text(0, 100)),
  formulaGuard: flag,
  bom: flag
})

export const exportMethods = {
  /** Renders the events of one chronology (or all) as a document: Markdown, CSV, JSON, TimelineJS or CSL-JSON. */
  exportChronology: method({
    args: z.strictObject({ format: z.enum(EXPORT_FORMATS), options: z.optional(exportOptionsSchema) }),
    result: returns<ExportResult>(),
    access: 'read'
  })
}
