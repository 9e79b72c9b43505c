/**
 * Headline conventions: an outlet named after a dash or a pipe at the end of a headline, a
 * dek (standfirst) under it, a byline line.
 */

// Attribution words: "… — media", "… - source" say who claims it, not who published it.
const ATTRIBUTION = new Set([
  'source', 'sources', 'media', 'report', 'reports', 'official', 'officials', 'expert', 'experts', 'analysis', 'opinion',
  'video', 'photos', 'photo', 'live', 'update', 'updates', 'breaking', 'exclusive', 'interview', 'witnesses', 'eyewitness',
  'statement', 'study', 'poll', 'survey', 'sources say', 'reports say', 'media reports', 'data', 'ministry', 'police',
  'army', 'military', 'government', 'kremlin', 'white house', 'pentagon', 'un', 'nato', 'eu',
  'сми', 'источник', 'источники', 'эксперт', 'эксперты', 'мид', 'кремль', 'джерело', 'джерела', 'змі',
  'médias', 'source', 'sources', 'medien', 'quelle', 'kreise', 'fuente', 'fuentes', 'medios', 'fonte', 'fontes', 'mídia'
])

const OUTLET_WORDS = /\b(?:news|times|post|journal|herald|agency|tribune|gazette|daily|press|media|tv|radio|online|today|review|telegraph|guardian|observer|chronicle|monitor|wire|network|broadcasting|magazine|weekly|express|mail|standard|independent|world|global|insider|report)\b/iu

const KNOWN_OUTLETS = new Set(
  [
    'reuters', 'bloomberg', 'interfax', 'sputnik', 'ria novosti', 'tass', 'xinhua', 'al jazeera', 'aljazeera', 'al arabiya',
    'kommersant', 'vedomosti', 'izvestia', 'meduza', 'novaya gazeta', 'axios', 'politico', 'euronews', 'deutsche welle',
    'le monde', 'le figaro', 'libération', 'der spiegel', 'spiegel', 'die zeit', 'el país', 'el pais', 'la repubblica',
    'corriere della sera', 'haaretz', 'dawn', 'tolonews', 'pajhwok', 'anadolu', 'yonhap', 'kyodo', 'nikkei', 'asahi',
    'forbes', 'fortune', 'vox', 'slate', 'quartz', 'vice', 'buzzfeed', 'huffpost', 'npr', 'pbs', 'rte', 'ansa', 'efe',
    'dpa', 'afp', 'ap', 'upi', 'ukrinform', 'unian', 'tert.am', 'gazeta.ru', 'lenta.ru', 'rbc', 'hromadske', 'the hill'
  ].map((s) => s.toLowerCase())
)

function looksLikeOutlet(name: string, pipe: boolean): boolean {
  const n = name.trim()
  if (n.length < 2 || n.length > 40 || n.split(/\s+/).length > 5) return false
  if (!/^[\p{Lu}\d]/u.test(n)) return false
  if (ATTRIBUTION.has(n.toLowerCase())) return false
  if (/[.!?,;:]$/.test(n) && !/\.\p{L}{2,4}$/u.test(n)) return false
  if (pipe) return true
  return (
    KNOWN_OUTLETS.has(n.toLowerCase()) ||
    /^\p{Lu}{2,}(?:\s+\p{Lu}[\p{L}]*)*$/u.test(n) ||
    /^(?:al|el|ad|ar|as|an)-\p{Lu}/iu.test(n) ||
    /^the\s+\p{Lu}/u.test(n) ||
    OUTLET_WORDS.test(n) ||
    /\.(?:com|org|net|ru|ua|uk|de|fr|info|news)$/iu.test(n)
  )
}

/** Splits "Headline – Outlet" / "Headline | Site" into the headline and the outlet name. */
export function splitHeadlineOutlet(title: string): { title: string; outlet: string | null } {
  const m = /^(.{8,}?)\s+([-–—|])\s+([^–—|]+)$/u.exec(title.trim())
  if (m && looksLikeOutlet(m[3]!, m[2] === '|')) return { title: m[1]!.trim(), outlet: m[3]!.trim() }
  return { title: title.trim(), outlet: null }
}

/** True when a paragraph reads like a headline: short, and not several sentences. */
export function isHeadlineLike(text: string): boolean {
  return text.length <= 300 && !/[.!?]["”»]?\s+\p{Lu}.*[.!?]["”»]?\s+\p{Lu}/u.test(text)
}

/**
 * True when the paragraph after the headline is a dek: short (≤ 250 characters, 4–40 words,
 * not all capitals),
 * and either followed by a dateline or without a closing full stop (a one-sentence first
 * paragraph of the story ends with one). There must be body text after it.
 */
export function isDek(text: string, nextStartsWithDateline: boolean, hasBodyAfter: boolean): boolean {
  const words = text.split(/\s+/).length
  if (!hasBodyAfter || text.length > 250 || words > 40) return false
  // Short or all-capital lines under a headline are kickers and labels ("GIRLS BASKETBALL").
  if (words < 4 || text === text.toUpperCase()) return false
  return nextStartsWithDateline || !/[.!?]["”»']?$/.test(text)
}

const BYLINE = /^(?:[Bb]y|[Оо]т|[Pp]ar|[Vv]on|[Pp]or|[Dd]i|[Dd]oor|[Aa]v)\s+(\p{Lu}[\p{L}'’.,-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|and|und|et|y|e|de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|ten|ter|al|el|bin|ibn|&|,))*)$/u
const AUTHOR_LABEL = /^(?:author|written by|reporter|автор)\s*:\s*(.{2,60})$/iu

/** The author named by a byline paragraph ("By Jane Doe", "Author: Jane Doe"), else null. */
export function parseByline(text: string): string | null {
  const t = text.trim()
  if (t.length > 80) return null
  const m = BYLINE.exec(t) ?? AUTHOR_LABEL.exec(t)
  return m ? m[1]!.replace(/[,\s]+$/, '').trim() : null
}
