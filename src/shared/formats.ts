/**
 * File extensions import reads (lower case, without the dot), in the order a file dialog lists
 * them. The parsers are keyed by this list (src/main/import/formats/index.ts), so a format
 * cannot be read without being listed here, nor listed without a parser.
 */
export const IMPORT_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'mdown', 'mkd', 'html', 'htm', 'xhtml', 'pdf', 'docx', 'eml', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] as const

export type ImportExtension = (typeof IMPORT_EXTENSIONS)[number]

/** Maximum size of one imported file, on disk or uploaded in browser mode. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024
