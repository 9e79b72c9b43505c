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

type Kind = 'bad' | 'box' | 'cyrillic' | 'latin' | 'cjk' | 'letter' | 'typography' | 'space' | 'symbol'

interface CharInfo {
  kind: Kind
  upper: boolean
  lower: boolean
  asciiLetter: boolean
  letter: boolean
  /** Log frequency for Cyrillic letters known to Russian/Ukrainian; null for other letters. */
  logFreq: number | null
}

// Decoding candidates produce at most a few hundred distinct characters: classify each once.
const INFO = new Map<string, CharInfo>()

function info(c: string): CharInfo {
  const cached = INFO.get(c)
  if (cached !== undefined) return cached
  const code = c.codePointAt(0)!
  const upper = c !== c.toLowerCase() && c === c.toUpperCase()
  const lower = c !== c.toUpperCase() && c === c.toLowerCase()
  const letter = /^\p{L}$/u.test(c)
  let kind: Kind
  if (c === '\uFFFD' || (code >= 0x80 && code <= 0x9f) || (code >= 0xe000 && code <= 0xf8ff)) kind = 'bad'
  else if (code >= 0x2500 && code <= 0x259f) kind = 'box'
  else if (/^\p{Script=Cyrillic}$/u.test(c)) kind = 'cyrillic'
  else if (/^\p{Script=Latin}$/u.test(c)) kind = 'latin'
  else if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u.test(c)) kind = 'cjk'
  else if (letter) kind = 'letter'
  else if (TYPOGRAPHY.has(c)) kind = 'typography'
  else if (/^\s$/u.test(c)) kind = 'space'
  else kind = 'symbol'
  const freq = kind === 'cyrillic' ? CYRILLIC_FREQ[c.toLowerCase()] : undefined
  const result: CharInfo = {
    kind,
    upper,
    lower,
    asciiLetter: code < 0x80 && letter,
    letter,
    logFreq: freq === undefined ? null : Math.log(freq + 0.1)
  }
  INFO.set(c, result)
  return result
}

// Icelandic letters: what Turkish ı ğ ş become in Windows-1252, and rare in other languages.
const ICELANDIC = new Set([...'ðþýÐÞÝ'])

function charScore(c: string, prev: string | undefined, next: string | undefined): number {
  const me = info(c)
  const p = prev === undefined ? null : info(prev)
  const n = next === undefined ? null : info(next)
  const besideAscii = (p?.asciiLetter ?? false) || (n?.asciiLetter ?? false)
  const midWordCaps = me.upper && p !== null && p.letter && p.lower
  switch (me.kind) {
    case 'bad':
      return -6
    case 'box':
      return -4
    case 'cyrillic':
      if (besideAscii || midWordCaps) return -3
      // Letters outside Russian and Ukrainian (Serbian Њ, Ђ …) are what a wrong code page yields.
      if (me.logFreq === null) return -1
      return me.upper ? 0.5 : me.logFreq
    case 'latin':
      if (midWordCaps) return -2
      if (ICELANDIC.has(c)) return besideAscii ? 0.2 : -0.5
      return besideAscii ? 1 : -0.5
    case 'cjk':
      return 1.6
    case 'letter':
      return besideAscii ? -3 : 1
    case 'typography':
      return 0.3
    case 'space':
      return 0
    case 'symbol':
      return -1.5
  }
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
