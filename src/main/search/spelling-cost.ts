import { hasCyrillic, romanizeCyrillic } from '../text/cyrillic'
import { nameKey } from '../text/name-key'
import { lazyValue } from '../platform/lazy-require'

/**
 * How many systematic rewrites turn one spelling of a name into another: the fine measure
 * behind a key match. Two spellings that share a transliteration key (`nameKey`) may need one
 * rewrite (Masood, Massoud: oo/ou) or five (Zakhoukh, Shakok: z/sh, kh/k, ou/o, kh/k); the second
 * is another name whose key happens to fold the same way. Each step below costs 1; letters that
 * agree cost nothing; nothing else is allowed (the key already said the rest agrees).
 *
 * The rewrites are those `nameKey` folds, as replacements between members of one family
 * (k/q/c/ck, j/dj/dzh/zh, sh/ch/sch/tch, f/ph, u/ou/oo/o, i/e/y/ee/ie/ei/ea), the weak pairs
 * (a/e; and a/i, g/k, v/w, s/z, which cost 2), a doubled letter written single, an h after a
 * consonant, and a run of e, i, y written longer or shorter.
 */
const FAMILIES: readonly { spellings: readonly string[]; weight: number }[] = [
  { spellings: ['k', 'q', 'c', 'ck'], weight: 1 },
  { spellings: ['j', 'dj', 'dzh', 'zh'], weight: 1 },
  { spellings: ['sh', 'ch', 'sch', 'tch'], weight: 1 },
  { spellings: ['f', 'ph'], weight: 1 },
  { spellings: ['u', 'ou', 'oo', 'o'], weight: 1 },
  { spellings: ['i', 'e', 'y', 'ee', 'ie', 'ei', 'ea'], weight: 1 },
  // The unstressed vowel of Arabic names, written a or e (Ahmad, Ahmed): as sure as a family.
  { spellings: ['a', 'e'], weight: 1 },
  // The other weak pairs are rarer choices of the press (Gaddafi and Qaddafi, Volodymyr and
  // Wolodymyr), and between short words mostly a different word (Lasa, Lisa; Jevech, Jewish).
  { spellings: ['a', 'i'], weight: 2 },
  { spellings: ['g', 'k'], weight: 2 },
  { spellings: ['v', 'w'], weight: 2 },
  { spellings: ['s', 'z'], weight: 2 }
]

/**
 * For each spelling a family holds, the others it may become and the rewrites that takes, the
 * cheapest way: within one family, or across through a weak pair (g to q is g/k then k/q, as
 * Gaddafi and Qaddafi). Worked out on first use (about 10 ms), not by every backend thread at start.
 */
const rewrites = lazyValue((): ReadonlyMap<string, readonly (readonly [string, number])[]> => {
  const edges: [string, string, number][] = []
  for (const { spellings, weight } of FAMILIES) {
    for (const x of spellings) for (const y of spellings) if (x !== y) edges.push([x, y, weight])
  }
  const out = new Map<string, [string, number][]>()
  for (const from of new Set(edges.map(([x]) => x))) {
    const cost = new Map([[from, 0]])
    // A few dozen spellings: relax every edge until nothing gets cheaper.
    for (let changed = true; changed; ) {
      changed = false
      for (const [x, y, w] of edges) {
        const via = (cost.get(x) ?? Number.POSITIVE_INFINITY) + w
        if (via < (cost.get(y) ?? Number.POSITIVE_INFINITY)) {
          cost.set(y, via)
          changed = true
        }
      }
    }
    cost.delete(from)
    out.set(from, [...cost])
  }
  return out
})

/** Longest spelling in a family: how far ahead a rewrite may reach. */
const LONGEST = Math.max(...FAMILIES.flatMap((f) => f.spellings).map((x) => x.length))

const VOWELS = new Set('aeiouy')
const FRONT = new Set('eiy')

/** Spellings compared as Latin letters: a Cyrillic one by its BGN/PCGN romanisation. */
function latin(word: string): string {
  return hasCyrillic(word) ? romanizeCyrillic(word) : word
}

/**
 * The fewest rewrites that turn `a` into `b`, or `max + 1` when more are needed or none will do.
 * A dynamic programme over positions in both words: each cell tries a shared letter, every
 * family rewrite that starts there, a doubled letter and an h after a consonant, on either side.
 */
export function rewriteCost(a: string, b: string, max: number): number {
  const x = latin(a)
  const y = latin(b)
  const table = rewrites()
  const width = y.length + 1
  const cost = new Array<number>((x.length + 1) * width).fill(Number.POSITIVE_INFINITY)
  cost[0] = 0
  const relax = (i: number, j: number, c: number): void => {
    if (i <= x.length && j <= y.length && c < cost[i * width + j]!) cost[i * width + j] = c
  }
  for (let i = 0; i <= x.length; i++) {
    for (let j = 0; j <= y.length; j++) {
      const here = cost[i * width + j]!
      if (here > max) continue
      if (i < x.length && j < y.length && x[i] === y[j]) relax(i + 1, j + 1, here)
      for (let n = 1; n <= LONGEST && i + n <= x.length; n++) {
        for (const [to, steps] of table.get(x.slice(i, i + n)) ?? []) if (y.startsWith(to, j)) relax(i + n, j + to.length, here + steps)
      }
      // A doubled letter written once, and an h after a consonant, in either word.
      if (i > 0 && x[i] === x[i - 1]) relax(i + 1, j, here + 1)
      if (j > 0 && y[j] === y[j - 1]) relax(i, j + 1, here + 1)
      if (i > 0 && x[i] === 'h' && !VOWELS.has(x[i - 1]!)) relax(i + 1, j, here + 1)
      if (j > 0 && y[j] === 'h' && !VOWELS.has(y[j - 1]!)) relax(i, j + 1, here + 1)
      // A run of e, i, y written longer (Leykhini, Leyikhini), as the key folds it to one i.
      if (i > 0 && FRONT.has(x[i]!) && FRONT.has(x[i - 1]!)) relax(i + 1, j, here + 1)
      if (j > 0 && FRONT.has(y[j]!) && FRONT.has(y[j - 1]!)) relax(i, j + 1, here + 1)
    }
  }
  return Math.min(cost[x.length * width + y.length]!, max + 1)
}

/**
 * Rewrites a spelling variant of `term` may need: one for every two letters of its key, rounded
 * up. The key, not the word: what a spelling spends on digraphs, doubled letters and vowel runs
 * is what rewrites undo, so Pheyel (key fil) may not take three of them to reach Phil. Masood
 * and Massoud (key masud, 2 rewrites) and Qaddafi and Kadhafi (kadafi, 3) are one name; Voga and
 * Vukha (vuga, 4) or Zakhoukh and Shakok (zakuk, 6) are two that keys merge.
 */
export function rewriteBudget(term: string): number {
  return Math.ceil(nameKey(term).length / 2)
}

/** Letters of `term` as written in Latin letters (a Cyrillic word by its romanisation). */
export function latinLength(term: string): number {
  return latin(term).length
}
