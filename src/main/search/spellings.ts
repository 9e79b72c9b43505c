/**
 * How far apart two spellings may be and still be one word: the typo allowance and the bounded
 * distance that measures it. Distances are taken between transliteration keys (`nameKey`), so
 * the systematic choices a key collapses (Massoud/Masood) cost nothing and only the rest counts.
 */

/**
 * Typos a word may carry, by the length of its key (a letter or two shorter than the word: the
 * key of Massoud is masud): none up to 5 letters (a short word one edit from another is usually
 * a different word: Mason/Masood, cold/gold), 1 for 6–8, 2 beyond.
 */
export function typoAllowance(keyLength: number): number {
  if (keyLength <= 5) return 0
  return keyLength <= 8 ? 1 : 2
}

/**
 * The optimal-string-alignment distance (insert, delete, replace, swap two neighbours) between
 * `a` and `b`, or `max + 1` as soon as it must exceed `max`: one band of the table per row, so a
 * far-off word costs a row or two.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  let prev2 = new Array<number>(n + 1).fill(0)
  let prev = Array.from({ length: n + 1 }, (_, j) => j)
  let cur = new Array<number>(n + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1)
      cur[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > max) return max + 1
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return Math.min(prev[n]!, max + 1)
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/**
 * Every string one edit away (delete, transpose, replace, insert a letter): Damerau distance 1.
 * Yielded lazily (some more than once) so a caller's probe budget stops the work, not just the use.
 */
export function* edits1(word: string): Generator<string> {
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i)
    const tail = word.slice(i)
    if (tail) yield head + tail.slice(1)
    if (tail.length > 1 && tail[0] !== tail[1]) yield head + tail[1] + tail[0] + tail.slice(2)
    for (const c of LETTERS) {
      if (tail && c !== tail[0]) yield head + c + tail.slice(1)
      yield head + c + tail
    }
  }
}
