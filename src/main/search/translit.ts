import { foldTerm } from '../../shared/tokens'

/**
 * A key that spellings of one transliterated name share: Massoud, Masood, Masoud → `masud`;
 * Baghlan, Baglan → `baglan`. Plain edit distance misses these (Massoud↔Masood is two edits);
 * the key collapses the usual romanisation choices: doubled letters, ou/oo/o/u, h after a
 * consonant (gh, kh, sh, th, dh), ph/f, q/k, c/k, ee/ie/i/e/y, final y/i.
 */
export function variantKey(term: string): string {
  // Vocabulary words are already folded; only the rare non-ASCII one pays for normalisation.
  let s = /^[a-z0-9]*$/.test(term) ? term : foldTerm(term).replace(/[^\p{L}\p{N}]/gu, '')
  if (/\p{N}/u.test(s)) return s
  s = s
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?!h)/g, 'k')
    .replace(/dj/g, 'j')
    .replace(/([^aeiouyh])h/g, '$1')
    .replace(/ou|oo|o|u/g, 'u')
    .replace(/ee|ie|ei|e|i/g, 'i')
    .replace(/(.)y/g, '$1i')
    .replace(/(.)\1+/g, '$1')
  return s
}
