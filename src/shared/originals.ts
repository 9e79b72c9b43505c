/** The original file behind an article, as the Reader's "Original" view shows it. */

/** Why an original's text is not given. */
export type OriginalWithheld = 'binary' | 'too-large' | 'missing' | 'undecodable'

export interface OriginalFile {
  name: string
  mediaType: string
  /** Bytes of the stored original. */
  size: number
  /** The decoded source (HTML markup, plain text, Markdown, e-mail source), or null when withheld. */
  text: string | null
  /** Why `text` is null; null when it is given. */
  withheld: OriginalWithheld | null
}

/** Originals above this many bytes are not sent to the Reader: too large to show. */
export const MAX_ORIGINAL_TEXT_BYTES = 5 * 1024 * 1024

/** Media types whose original is text the Reader can show (HTML only through the sanitizer). */
export const TEXT_MEDIA_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown', 'message/rfc822'] as const

/** True for HTML originals, which are shown only sanitized in a sandboxed frame. */
export function isHtmlMediaType(mediaType: string): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml'
}
