/**
 * File extensions import reads (lower case, without the dot), in the order a file dialog lists
 * them. The parsers are keyed by this list (src/main/import/formats/index.ts), so a format
 * cannot be read without being listed here, nor listed without a parser. `warc.gz` is one
 * extension of two parts: a crawl gzipped record by record.
 */
export const IMPORT_EXTENSIONS = [
  'txt',
  'text',
  'md',
  'markdown',
  'mdown',
  'mkd',
  'html',
  'htm',
  'xhtml',
  'mhtml',
  'mht',
  'pdf',
  'docx',
  'eml',
  'mbox',
  'warc',
  'warc.gz',
  'wacz',
  'png',
  'jpg',
  'jpeg',
  'tif',
  'tiff'
] as const

export type ImportExtension = (typeof IMPORT_EXTENSIONS)[number]

/**
 * Joins a container file's path and where an article sits in it, in import reports:
 * `…/crawl.warc.gz › https://example.org/a (record at byte 1200)`.
 */
export const PART_SEPARATOR = ' › '

/** Maximum size of one imported file, on disk or uploaded in browser mode. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024
