import type { ErrorInfo } from './errors'

/** What every handler returns across a process boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }
