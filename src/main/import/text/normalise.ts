/**
 * Whitespace and invisible-character normalisation shared by every format. Pure: the original
 * bytes are kept by the archive, so nothing here needs to be reversible.
 */

// ZWNJ/ZWJ (U+200C/U+200D) are kept: they change spelling in Persian, Hindi and emoji.
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD\u180E\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const ODD_SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g
// C0/C1 controls other than the newline: debris from legacy encodings or binary junk.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g

// Typographic ligatures from PDF text layers: search and citation need the letters.
const LIGATURES: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl', 'ﬅ': 'st', 'ﬆ': 'st' }

/** Normalises line breaks, odd spaces, invisible characters, ligatures and Unicode composition. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(/[\uFB00-\uFB06]/g, (l) => LIGATURES[l] ?? l)
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .replace(CONTROLS, '')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
}

/** Collapses all whitespace in one paragraph to single spaces. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
