/**
 * Cyrillic to Latin by BGN/PCGN (Russian, with the Ukrainian and Belarusian letters), without
 * its apostrophes for the hard and soft signs: the romanisation English-language news uses
 * (Yeltsin, Khrushchev, Zelenskyy), so a Cyrillic spelling and a press spelling meet in one key.
 * Input is a lower-case token as the index holds it (й and ё keep their marks there); a token
 * whose marks were stripped anyway (и for й) romanises as its base letter.
 */

const LETTERS: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'w'
}

/** Letters after which BGN/PCGN writes е as `ye` (as at the start of a word). */
const YE_AFTER = new Set(['а', 'е', 'ё', 'и', 'й', 'о', 'у', 'ы', 'э', 'ю', 'я', 'ъ', 'ь', 'і', 'ї', 'є'])

const CYRILLIC = /[\u0400-\u04ff]/

/** True when the text holds a Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text)
}

/** The BGN/PCGN romanisation of a folded Cyrillic token; other characters pass through. */
export function romanizeCyrillic(token: string): string {
  let out = ''
  for (let i = 0; i < token.length; i++) {
    const c = token[i]!
    if ((c === 'е' || c === 'ё') && (i === 0 || YE_AFTER.has(token[i - 1]!))) out += 'ye'
    else if (c === 'ё') out += 'e'
    else out += LETTERS[c] ?? c
  }
  return out
}
