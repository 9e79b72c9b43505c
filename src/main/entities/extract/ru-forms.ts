/**
 * Case forms of Russian proper names, so that "в Москве", "из России", "Санкт-Петербургом" find
 * the nominative a gazetteer holds. Regular declension by ending only: forms a name does not
 * have are harmless (nothing else is spelt like them), a missed irregular form is a missed match.
 */

export const foldYo = (s: string): string => s.replace(/ё/g, 'е').replace(/Ё/g, 'Е')

const HUSHING = /[гкхжшщчц]$/

/** Nominative, genitive, dative, accusative, instrumental, prepositional of one noun. */
function nounForms(w: string): string[] {
  const stem = (n: number): string => w.slice(0, w.length - n)
  if (/ия$/.test(w)) return [w, stem(1) + 'и', stem(1) + 'ю', stem(1) + 'ей']
  if (/[^и]я$/.test(w)) return [w, stem(1) + 'и', stem(1) + 'е', stem(1) + 'ю', stem(1) + 'ей']
  if (/а$/.test(w)) {
    const s = stem(1)
    return [w, s + (HUSHING.test(s) ? 'и' : 'ы'), s + 'е', s + 'у', s + (/[жшщчц]$/.test(s) ? 'ей' : 'ой')]
  }
  if (/й$/.test(w)) return [w, stem(1) + 'я', stem(1) + 'ю', stem(1) + 'ем', stem(1) + 'е']
  if (/ь$/.test(w)) return [w, stem(1) + 'и', stem(1) + 'ью', stem(1) + 'я', stem(1) + 'ю', stem(1) + 'ем', stem(1) + 'е']
  if (/[ыи]$/.test(w)) return [w, stem(1) + 'ов', stem(1) + 'ам', stem(1) + 'ами', stem(1) + 'ах']
  if (/[оеиуюэ]$/.test(w)) return [w]
  return [w, w + 'а', w + 'у', w + (/[жшщчц]$/.test(w) ? 'ем' : 'ом'), w + 'е']
}

/** Adjective forms in the same case order as nounForms' first five where they agree. */
function adjectiveForms(w: string): string[] | null {
  const s = w.slice(0, -2)
  if (/ая$/.test(w)) return [w, s + 'ой', s + 'ую']
  if (/яя$/.test(w)) return [w, s + 'ей', s + 'юю']
  if (/ний$/.test(w)) return [w, s + 'его', s + 'ему', s + 'им', s + 'ем']
  if (/[ыио]й$/.test(w)) return [w, s + 'ого', s + 'ому', s + 'ым', s + 'им', s + 'ом']
  if (/ое$/.test(w)) return [w, s + 'ого', s + 'ому', s + 'ым', s + 'ом']
  if (/[ыи]е$/.test(w)) return [w, s + 'ых', s + 'их', s + 'ым', s + 'им', s + 'ыми', s + 'ими']
  return null
}

/**
 * Every form of a name: adjectives before the head noun agree with it, words after it (already
 * in the genitive: "Соединённые Штаты Америки") stay, and a hyphenated name declines its last part.
 * Adjective and noun forms are combined freely: extra combinations match nothing real.
 */
export function russianForms(name: string): string[] {
  const words = name.split(' ')
  const head = words.findIndex((w) => !adjectiveForms(w) || words.length === 1)
  const h = head < 0 ? words.length - 1 : head
  let forms = ['']
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    let variants: string[]
    if (i < h) variants = adjectiveForms(w) ?? [w]
    else if (i === h) {
      const dash = w.lastIndexOf('-')
      variants = dash < 0 ? nounForms(w) : nounForms(w.slice(dash + 1)).map((f) => w.slice(0, dash + 1) + f)
    } else variants = [w]
    forms = forms.flatMap((f) => variants.map((v) => (f ? `${f} ${v}` : v)))
  }
  return [...new Set(forms)]
}

const CASE_ENDING = /(?:ого|его|ому|ему|ыми|ими|ой|ей|ую|юю|ым|им|ом|ем|ах|ях|ам|ям|ов|ев|а|я|у|ю|е|ы|и)$/u

/**
 * A Russian name with its case ending cut, so that the forms of one name meet: Путин, Путина,
 * Путиным → Путин; Газпрома → Газпром. Rough on purpose: it only compares names within one text.
 */
export function russianStem(word: string): string {
  const w = foldYo(word)
  return w.length > 4 ? w.replace(CASE_ENDING, '') : w
}
