import type { ImportFailureCode } from '../../shared/types'

/** A per-file import failure with one of the documented codes. */
export class ImportError extends Error {
  readonly code: ImportFailureCode

  constructor(code: ImportFailureCode, message: string) {
    super(message)
    this.name = 'ImportError'
    this.code = code
  }
}
