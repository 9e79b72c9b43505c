/**
 * Browser mode's HTTP surface, shared by the server and the page's transport: every API method
 * is `POST /api/<method>` with a JSON body; files travel as raw bytes, one upload per file,
 * then are imported by the ids the server handed back.
 */

/** Carries the per-run token on every request; the token is never accepted in a URL except by `EVENTS_PATH`. */
export const TOKEN_HEADER = 'x-annalist-token'
/** The dropped file's name (with its folder, if dropped in one), URI-encoded since headers are ASCII. */
export const FILE_NAME_HEADER = 'x-annalist-file-name'

/** Server-sent events; EventSource cannot set headers, so this one path takes `?token=`. */
export const EVENTS_PATH = '/api/events'
/** `POST` one file's bytes; answers `{ id }` of the upload, which waits on the server's disk. */
export const UPLOAD_PATH = '/api/upload'
/** `POST { ids, batchId? }`: imports waiting uploads and removes them; answers an ImportReport. */
export const IMPORT_UPLOADS_PATH = '/api/upload/import'

/** The path of one API method. */
export function methodPath(method: string): string {
  return `/api/${method}`
}

/** What `UPLOAD_PATH` answers. */
export interface UploadReceipt {
  id: string
}
