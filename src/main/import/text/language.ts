import { ASCII_WORDS } from '../../../shared/tokens'

/**
 * A small language identifier: the dominant script decides for scripts used by one language;
 * otherwise the most frequent stopwords decide. Pure and fast; good enough to label news text.
 */

export const STOPWORDS: Readonly<Record<string, string>> = {
  en: 'the of and to in a is that for on was with he it as at by from his have has an be are said were which this not but they who their had its been after would will',
  fr: 'le la les de des du et en un une est que qui dans pour pas sur au aux avec il elle ont par ce cette sont été se plus mais ses leur',
  de: 'der die das und den des dem ist nicht ein eine einer mit sich auf für von zu im auch es sie wurde bei aus nach hat sind wie oder werden',
  es: 'el la los las de del y en un una que es por con para se no al lo su sus como más pero fue ha este esta entre sobre',
  it: 'il di che la le lo gli e un una per non con del della dei delle si da al alla nel è sono ha anche come più ma questo',
  pt: 'o os a as de do da dos das e em um uma que para com não no na nos se por mais foi ao pelo pela como mas seu sua também',
  nl: 'de het een en van in is dat op te zijn met voor niet aan er die door ook als bij werd om naar maar heeft worden',
  pl: 'i w na z że się nie do to jest o jak po za od przez tak co ale jego są być został była oraz który która także',
  sv: 'och i att det som en på är av för med till den har de inte om ett var men från vid sig kan också efter',
  tr: 've bir bu da de için ile olarak olan en çok daha gibi ama ne kadar sonra o ya değil ise her göre',
  ro: 'și în de la cu a că pe din un o nu se este care mai au fost pentru sunt sau',
  ru: 'и в не на что с по как это он а к из у за о от же то так его все но было для она мы был сказал также были после ее их',
  uk: 'і в на що з не та як до це за від по у він його але які ми вона був було також після їх щоб про',
  bg: 'и в на да се че от за с не е са по как това той тя които беше са като при след',
  ar: 'في من على إلى أن عن مع هذا التي الذي كان قد ما لا هذه بين أو بعد كما وقال عام حيث',
  fa: 'در و به از که این را با است برای آن یک خود تا می بر شد هم نیز کرد شده'
}

// word → languages whose stopword list holds it: one lookup per word.
const STOPWORD_INDEX = new Map<string, string[]>()
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words.split(' ')) STOPWORD_INDEX.set(w, [...(STOPWORD_INDEX.get(w) ?? []), lang])
}

// Code-point ranges rather than per-character regexes: this runs on every imported article.
const SCRIPT_RANGES: readonly [number, number, string][] = [
  [0x41, 0x5a, 'latin'], [0x61, 0x7a, 'latin'], [0xc0, 0x24f, 'latin'], [0x1e00, 0x1eff, 'latin'],
  [0x370, 0x3ff, 'el'], [0x400, 0x52f, 'cyrillic'], [0x530, 0x58f, 'hy'], [0x590, 0x5ff, 'he'],
  [0x600, 0x6ff, 'arabic'], [0x750, 0x77f, 'arabic'], [0x900, 0x97f, 'hi'], [0xe00, 0xe7f, 'th'],
  [0x10a0, 0x10ff, 'ka'], [0x1100, 0x11ff, 'ko'], [0x3040, 0x30ff, 'ja'], [0x3400, 0x4dbf, 'zh'],
  [0x4e00, 0x9fff, 'zh'], [0xac00, 0xd7af, 'ko'], [0xfb50, 0xfdff, 'arabic'], [0xfe70, 0xfeff, 'arabic']
]

export function scriptOf(code: number): string | null {
  for (const [lo, hi, script] of SCRIPT_RANGES) if (code >= lo && code <= hi) return script
  return null
}

export function dominantScript(text: string): string | null {
  const counts = new Map<string, number>()
  let letters = 0
  // ASCII letters, most of most texts, are counted apart from the map; the map still learns of
  // Latin when it is first seen, since a tie goes to the script seen first.
  let ascii = 0
  const n = Math.min(text.length, 8000)
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x41 || code === 0xd7 || code === 0xf7) continue
    if (code <= 0x7a && (code <= 0x5a || code >= 0x61)) {
      if (ascii++ === 0 && !counts.has('latin')) counts.set('latin', 0)
      letters++
      continue
    }
    const key = scriptOf(code)
    if (key === null) continue
    letters++
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  if (ascii > 0) counts.set('latin', counts.get('latin')! + ascii)
  if (letters < 20) return null
  let best: string | null = null
  for (const [k, v] of counts) if (best === null || v > counts.get(best)!) best = k
  // Japanese text is mostly Han: any kana at all marks it as Japanese.
  if (best === 'zh' && (counts.get('ja') ?? 0) > letters * 0.05) return 'ja'
  return best
}

/** The languages whose stopwords decide between them, by script. */
export const LANGUAGE_CANDIDATES: Readonly<Record<string, readonly string[]>> = {
  latin: ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'tr', 'ro'],
  cyrillic: ['ru', 'uk', 'bg'],
  arabic: ['ar', 'fa']
}

/** ISO 639-1 code of the text's language, or null when the text is too short or unclear. */
export function detectLanguage(text: string): string | null {
  const script = dominantScript(text)
  if (script === null) return null
  const candidates = LANGUAGE_CANDIDATES[script]
  if (candidates === undefined) return script
  const sample = text.slice(0, 20000).toLowerCase()
  // In text whose letters are all ASCII (ASCII_WORDS) the same words, without a Unicode regex.
  const words = (ASCII_WORDS.test(sample) ? sample.match(/[a-z'’]+/g) : sample.match(/[\p{L}\p{M}'’]+/gu)) ?? []
  if (words.length < 8) return null
  const hits = new Map(candidates.map((c) => [c, 0]))
  for (const w of words) {
    for (const lang of STOPWORD_INDEX.get(w) ?? []) {
      const n = hits.get(lang)
      if (n !== undefined) hits.set(lang, n + 1)
    }
  }
  if (script === 'cyrillic') {
    // Letters only one of the languages uses are strong evidence on their own.
    const uk = (text.match(/[іїєґ]/giu) ?? []).length
    const ru = (text.match(/[ыэё]/giu) ?? []).length
    hits.set('uk', hits.get('uk')! + uk * 0.5)
    hits.set('ru', hits.get('ru')! + ru * 0.5)
  }
  if (script === 'arabic') hits.set('fa', hits.get('fa')! + (text.match(/[پچژگ]/gu) ?? []).length * 0.5)
  let best: string | null = null
  for (const [c, n] of hits) if (best === null || n > hits.get(best)!) best = c
  const score = hits.get(best!)!
  return score >= 3 && score / words.length >= 0.04 ? best : null
}
