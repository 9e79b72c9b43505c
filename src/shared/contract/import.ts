/** Contract rows of importing files, by path or as bytes. */
import * as z from 'zod/mini'
import type { ImportReport } from '../types'
import { method, returns } from './method'
import { batchId, fileName, list, path } from './schemas'

/** The file's bytes; any Uint8Array (a Buffer too), whatever buffer is behind it. */
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected the file as bytes (a Uint8Array)')

export const importMethods = {
  /**
   * Imports files and folders (walked recursively) the user chose by path. `batchId` names the
   * batch for cancelImport; without it progress events carry a generated one.
   */
  importFiles: method({
    args: z.strictObject({ paths: list(path, 1, 100_000), batchId: z.optional(batchId) }),
    result: returns<ImportReport>(),
    access: 'write',
    paths: ['paths']
  }),
  /** Imports dropped files that carry no path (browser mode, dragged-out attachments). */
  importBlobs: method({
    args: z.strictObject({ files: list(z.strictObject({ name: fileName, bytes }), 1, 10_000), batchId: z.optional(batchId) }),
    result: returns<ImportReport>(),
    access: 'write'
  }),
  /** Stops a running import between files; what is stored stays. False when no such batch is running. */
  cancelImport: method({ args: z.strictObject({ batchId }), result: returns<{ cancelled: boolean }>(), access: 'write' })
}
