/** A paragraph of source text, with the page it came from in paginated formats. */
export interface TextBlock {
  text: string
  page: number | null
}

/**
 * Joins wrapped lines into one paragraph. A hyphen at a line end between two lower-case
 * letters is a hyphenation break and is removed ("imple-\nmentation" → "implementation"); a
 * hyphen before a capital or a digit stays ("Jean-\nPierre", "COVID-\n19").
 */
export function joinLines(lines: readonly string[]): string {
  // Pieces and separators are collected and joined once: growing one string, or testing `$`
  // on it, would be quadratic on a long wrapped file.
  const pieces: string[] = []
  for (const raw of lines) {
    const line = raw.trim()
    if (line.length === 0) continue
    const last = pieces.length - 1
    if (last < 0) pieces.push(line)
    else if (/\p{Ll}-$/u.test(pieces[last]!) && /^\p{Ll}/u.test(line)) {
      pieces[last] = pieces[last]!.slice(0, -1)
      pieces.push(line)
    } else if (/[-–—/]$/.test(pieces[last]!) && !/\s[-–—]$/.test(pieces[last]!)) pieces.push(line)
    else pieces.push(' ', line)
  }
  return pieces.join('')
}

const SENTENCE_END = /[.!?:;"”»)]$/

/**
 * Splits normalised text into paragraphs at blank lines. Inside a chunk without blank lines,
 * lines that look hard-wrapped (long relative to the chunk's longest line, which is at most a
 * terminal width, and not ending a sentence) are joined; other line breaks separate paragraphs,
 * as in files that put one paragraph per line.
 */
export function splitBlocks(text: string, page: number | null = null): TextBlock[] {
  const blocks: TextBlock[] = []
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter((l) => l.length > 0)
    if (lines.length === 0) continue
    // A loop, not Math.max(...lines): spreading a chunk of a million lines overflows the stack.
    let maxLen = 0
    for (const line of lines) maxLen = Math.max(maxLen, line.length)
    // Wrap widths lie between 40 and 120 columns; shorter lines are lists or verse, not wrapping.
    const wrapped = maxLen >= 40 && maxLen <= 120
    let current: string[] = []
    lines.forEach((line, i) => {
      current.push(line)
      const isLast = i === lines.length - 1
      const continues = wrapped && line.length >= maxLen * 0.6 && !SENTENCE_END.test(line)
      const hyphenated = /\p{Ll}-$/u.test(line) && wrapped
      if (isLast || !(continues || hyphenated)) {
        blocks.push({ text: joinLines(current), page })
        current = []
      }
    })
  }
  return blocks
}
