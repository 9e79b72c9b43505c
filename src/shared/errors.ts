/** Error codes every transport carries unchanged from backend to UI and CLI. */
export const ERROR_CODES = [
  'invalid-argument',
  'not-found',
  'conflict',
  'archive-locked',
  'archive-too-new',
  'archive-invalid',
  'forbidden-path',
  'unauthorized',
  'payload-too-large',
  'too-many-requests',
  'cancelled',
  /** The backend thread running the call stopped; it was restarted and the call may be retried. */
  'interrupted',
  /**
   * The client could not reach the backend at all (browser mode: the server stopped or the
   * network dropped); nothing was sent, or the answer was lost. Made by the transport, never the backend.
   */
  'connection-lost',
  'internal'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** The serialisable error part of a response envelope. */
export interface ErrorInfo {
  code: ErrorCode
  message: string
}

/** A typed error raised by the backend and rethrown by every client. */
export class AnnalistError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'AnnalistError'
    this.code = code
  }

  /** Plain-object form for IPC and HTTP envelopes. */
  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message }
  }
}

/** True when `value` is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

/** Turns anything thrown into the envelope's error part; unknown errors become `internal`. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof AnnalistError) return err.toInfo()
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'internal', message }
}

/** Rebuilds an AnnalistError on the client side of a transport. */
export function fromErrorInfo(info: ErrorInfo): AnnalistError {
  return new AnnalistError(isErrorCode(info.code) ? info.code : 'internal', info.message)
}
