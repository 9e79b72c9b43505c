/**
 * Reading a very long text in windows. The rules keep a token object per word for the whole text
 * they read (about 150 bytes each): a 45 MB text file of ordinary lines held 1.3 GB in one parse
 * worker, past its memory ceiling, so the import failed the file. A window is far longer than any
 * article (the MEANTIME news are under 10,000 characters), so document-level rules still see each
 * article whole; a book-length text is read a window at a time, each window as its own document.
 */

/** Characters read at once. */
export const WINDOW_CHARS = 200_000

/**
 * Where to cut `text` so that no piece is longer than `max`: at the last blank line inside the
 * limit (no name spans one), else the last line break, else the last sentence end, else the last
 * space; a run of `max` characters with none of these is cut where it must be.
 * Returns the start offset of every piece, the first being 0.
 */
export function windowStarts(text: string, max = WINDOW_CHARS): number[] {
  const starts = [0]
  let at = 0
  while (text.length - at > max) {
    const limit = at + max
    const cut = lastBreak(text, at, limit)
    starts.push(cut)
    at = cut
  }
  return starts
}

const BREAKS: readonly RegExp[] = [/\n[ \t]*\n/g, /\n/g, /[.!?…]["'”’»)]?\s/g, /\s/g]

function lastBreak(text: string, from: number, limit: number): number {
  // Only the latter half is searched, so no piece is shorter than half a window.
  const region = text.slice(from + Math.floor((limit - from) / 2), limit)
  const base = limit - region.length
  for (const re of BREAKS) {
    let end = -1
    for (const m of region.matchAll(re)) end = m.index + m[0].length
    if (end > 0) return base + end
  }
  // Never between the halves of a surrogate pair.
  return /[\uD800-\uDBFF]/.test(text[limit - 1]!) ? limit - 1 : limit
}
