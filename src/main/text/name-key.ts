import { foldTerm } from '../../shared/tokens'
import { hasCyrillic, romanizeCyrillic } from './cyrillic'

/**
 * The key that the spellings of one transliterated name share, whatever the script and the
 * press's romanisation: Massoud, Masood, Masoud, Массуд → `masud`; Qaddafi, Kadhafi → `kadafi`;
 * Khrushchev, Khrouchtchev, Хрущёв → `krusif`. Used by search (fuzzy variants) and by
 * entity grouping (`entities/group`, which also folds a person's a/e/i, search's weak pair).
 *
 * Each rewrite collapses one systematic choice of English, French and German press writing
 * Arabic, Persian and Russian names: Cyrillic by BGN/PCGN first; then tch/ch/sh (French ch is
 * English sh), dzh/dj/zh/j, ph/f, q/k/c, h after a consonant (gh, kh, dh, th), ou/oo/o/u,
 * ee/ie/ei/e/i/y, doubled letters. Lossy on purpose: a key match is only a candidate, ranked
 * and limited by `VariantIndex`.
 */
export function nameKey(term: string): string {
  // Vocabulary words are already folded; only the rare non-ASCII one pays for normalisation.
  let s = /^[a-z0-9]*$/.test(term) ? term : foldTerm(term).replace(/[^\p{L}\p{N}]/gu, '')
  if (/\p{N}/u.test(s)) return s
  if (hasCyrillic(s)) s = romanizeCyrillic(s)
  return s
    .replace(/tch/g, 'ch')
    .replace(/sch/g, 'sh')
    .replace(/ch/g, 'sh')
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c/g, 'k')
    .replace(/([^aeiouyh])h/g, '$1')
    .replace(/ou|oo|o|u/g, 'u')
    .replace(/ee|ie|ei|e|i|y/g, 'i')
    .replace(/(.)\1+/g, '$1')
}

/**
 * Letter pairs that, as the only difference between two keys, still make a spelling variant
 * rather than a typo: unstressed vowels of Arabic names (Muhammad/Mohammed, Ahmad/Ahmed), the
 * g/k of Arabic qaf (Gaddafi/Qaddafi), v/w and s/z of German and English renderings.
 */
const WEAK_PAIRS = new Set(['a:i', 'g:k', 'v:w', 's:z'])

const PARTNERS = new Map<string, string[]>()
for (const pair of WEAK_PAIRS) {
  const [x, y] = pair.split(':') as [string, string]
  PARTNERS.set(x, [...(PARTNERS.get(x) ?? []), y])
  PARTNERS.set(y, [...(PARTNERS.get(y) ?? []), x])
}

/** The keys one weak letter pair away from `key` (Muhammad's `muhamad` → `muhamid`, `mihamad`…). */
export function* weakNeighbours(key: string): Generator<string> {
  for (let i = 0; i < key.length; i++) {
    for (const other of PARTNERS.get(key[i]!) ?? []) yield key.slice(0, i) + other + key.slice(i + 1)
  }
}
