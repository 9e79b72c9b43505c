/**
 * Plausibility score of a candidate decoding, used to choose between legacy code pages. Only
 * non-ASCII characters count (ASCII decodes the same in every candidate). The signals: Russian
 * letter frequencies, case changes inside words, scripts mixed inside one word, and symbols or
 * control characters that real prose rarely contains.
 */

// Russian letter frequencies in percent (Ukrainian letters given a moderate weight).
const CYRILLIC_FREQ: Record<string, number> = {
  о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4,
  к: 3.49, м: 3.21, д: 2.98, п: 2.81, у: 2.62, я: 2.01, ы: 1.9, ь: 1.74, г: 1.7, з: 1.65,
  б: 1.59, ч: 1.44, й: 1.21, х: 0.97, ж: 0.94, ш: 0.73, ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32,
  ф: 0.26, ъ: 0.04, ё: 0.04, і: 1.5, ї: 0.6, є: 0.4, ґ: 0.05
}

const TYPOGRAPHY = new Set([...'“”‘’„‚«»‹›–—…•€№°·§©®™'])

const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c)
const isLetter = (c: string | undefined): boolean => c !== undefined && /^\p{L}$/u.test(c)
const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase()
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase()

function charScore(c: string, prev: string | undefined, next: string | undefined): number {
  const code = c.codePointAt(0)!
  if (c === '\uFFFD' || (code >= 0x80 && code <= 0x9f) || (code >= 0xe000 && code <= 0xf8ff)) return -6
  if (code >= 0x2500 && code <= 0x259f) return -4
  const midWordCaps = isUpper(c) && prev !== undefined && isLetter(prev) && isLower(prev)
  if (/^\p{Script=Cyrillic}$/u.test(c)) {
    if (isAsciiLetter(prev) || isAsciiLetter(next)) return -3
    if (midWordCaps) return -3
    const freq = CYRILLIC_FREQ[c.toLowerCase()]
    // Letters outside Russian and Ukrainian (Serbian Њ, Ђ …) are what a wrong code page yields.
    if (freq === undefined) return -1
    if (isUpper(c)) return 0.5
    return Math.log(freq + 0.1)
  }
  if (/^\p{Script=Latin}$/u.test(c)) {
    if (midWordCaps) return -2
    return isAsciiLetter(prev) || isAsciiLetter(next) ? 1 : -0.5
  }
  if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u.test(c)) return 1.6
  if (isLetter(c)) return isAsciiLetter(prev) || isAsciiLetter(next) ? -3 : 1
  if (TYPOGRAPHY.has(c)) return 0.3
  if (/^\s$/u.test(c)) return 0
  return -1.5
}

/** Mean plausibility of the non-ASCII characters of a decoded text; higher is better. */
export function scoreDecoding(text: string): number {
  const chars = [...text]
  let total = 0
  let count = 0
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    if (c.charCodeAt(0) < 0x80) continue
    total += charScore(c, chars[i - 1], chars[i + 1])
    count++
  }
  return count === 0 ? 0 : total / count
}
