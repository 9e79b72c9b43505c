import { isDateStamp } from './stamps'

/**
 * Line rules for paragraphs that survive DOM cleaning but are still furniture: share prompts,
 * follow/subscribe calls, "See also" teasers, comment forms, "Back to top", credits, copyright.
 * Each rule is anchored on a short paragraph, so article sentences that merely mention these
 * words are kept.
 */
const SHORT_RULES: readonly RegExp[] = [
  /^(share|tweet|email|print|pin|whatsapp|facebook|twitter|linkedin|reddit|copy link|save)( (this|on|the|article|story|page|via|to|it))*[\s:!.]*$/i,
  /^(share|follow|like) (this|us|our)\b/i,
  /^(subscribe|sign up|register|join|get)\b.{0,80}\b(newsletter|updates|inbox|email|alerts|free|daily|weekly|podcast|channel)\b/i,
  /\b(newsletter|mailing list)\b.{0,60}\b(sign up|subscribe|delivered|inbox)\b/i,
  /\b(sign up|subscribe)\b.{0,60}\b(newsletter|mailing list)\b/i,
  /^subscribe\b/i,
  /^(see also|read also|also read|read more|more from|more on|related|related articles?|related stories|recommended|you may also like|you might also like|more stories|most read|popular|trending|further reading|also on|read next|what to read next|don't miss|top stories)\b/i,
  /^(leave a (reply|comment)|post a comment|add a comment|join the (conversation|discussion)|show comments|view comments|your email address will not be published|required fields are marked|notify me of)\b/i,
  /^(\d+ )?comments?( \(\d+\))?[\s:]*$/i,
  /^(back to top|scroll to top|top of page|skip to (main )?content|jump to)\b/i,
  /^(image|photo|picture|video|graphic|illustration|media)\s*(copyright|caption|credit|source|courtesy)\b/i,
  /^(photo|image|picture|illustration|video|credit|source|photograph)s?\s*(:|by\b|courtesy\b|©)/i,
  /^(getty images|reuters|ap photo|afp|shutterstock|epa|istock|pa media)\b.{0,40}$/i,
  /^media playback is (unsupported|not supported)/i,
  /^(advert|advertisement|advertising|sponsored( content)?|paid content|promoted|ad|story continues below|article continues below|continue reading|continue reading below)\b.{0,30}$/i,
  /^(©|copyright\b|\(c\) ?\d{4}|all rights reserved)/i,
  /\ball rights reserved\b/i,
  /^(tags?|topics?|filed under|categories|category|posted in|keywords)\s*:/i,
  /^(click|tap) here\b/i,
  /^(this (article|story) (was|has been) (updated|corrected|originally published))\b/i,
  /^(updated|last updated|published|posted|first published|last modified)( on| at)?:?\s*[\w,.:\s/-]{0,40}$/i,
  /^(we use cookies|by (using|continuing to use) this (site|website))\b/i,
  /^(download (the|our) app|get the app|open in app|listen to (this|the) (article|story))\b/i,
  /^(report (an )?(error|typo|correction)|suggest a correction|spotted an error)\b/i,
  /^(loading|please wait|javascript is (disabled|required))\b.{0,40}$/i,
  /^(next|previous|prev|older|newer)( (article|story|post|page))?\s*[:>»›]?$/i,
  /^(watch|listen)\s*:?$/i,
  /^(image|photo|slide|picture|item) \d+ (of|\/) \d+$/i,
  /\bthis (slideshow|video|content|feature) requires javascript\b/i,
  /\bclick(ing)? here\b/i,
  /^follow @\w+/i,
  /\bfollow (us|him|her|them|me)\b.{0,60}\b(twitter|facebook|instagram|linkedin|youtube|telegram|tiktok)\b/i,
  /\b(want|get) more stories like this\b/i,
  // The same furniture in the other languages of the archive's typical sources: teaser lead-ins
  // anywhere at the start, single-word labels only when they stand alone or end in a colon.
  /^(читайте( также)?|смотрите также|см\. также|похожие (статьи|новости|материалы)|lesen sie auch|mehr zum thema|das könnte sie auch interessieren|à lire aussi|lire aussi|voir aussi|sur le même sujet|lee también|leer también|te puede interesar|noticias relacionadas|leia também|veja também|notícias relacionadas|leggi anche|articoli correlati)(?![\p{L}\p{N}])/iu,
  /^(по теме|подробнее|поделиться|подписывайтесь|реклама|фото|видео|источник|теги|teilen|anzeige|werbung|foto|bild|partager|publicité|crédit photo|compartir|publicidad|compartilhe|compartilhar|publicidade|condividi|pubblicità)\s*(:|$)/iu,
  /^(caption|close|text size|breaking news|learn more|recent articles|by|iklan|добавить (отзыв|комментарий))$/i,
  /^(\d+ min(ute)?s? read|reading time|tempo de leitura|время чтения|lesezeit|temps de lecture|tiempo de lectura)\b.{0,30}$/iu,
  /^\(?(reporting by|additional reporting by|editing by|writing by|compiled by)\b/i,
  /\bcontributed (reporting|to this report)( from [^.]{1,40})?\.?\)?$/i,
  /^follow\b.{0,60}\b(on|at) (twitter|facebook|instagram|linkedin|youtube|telegram|tiktok)\b/i,
  /^(write to|reach|contact|email)\b.{0,120}(@|\btwitter\b)/i,
  /^(\S+@\S+\.\w+|(https?:\/\/)?(www\.)?(twitter|x)\.com\/\w+\/?|@\w+)$/i,
  /^\d+ (of|\/) \d+$/,
  /^if you (enjoyed|liked|value|appreciate)\b.{0,200}\b(join|subscribe|support|donate|membership)\b/i,
  /\baffiliate (links?|commissions?)\b/i,
  /^via \S+$/i,
  /^(about the author|about us|contact us|privacy policy|terms of (use|service))\b.{0,40}$/i
]

/** A byline line: "By Jane Doe", "By Jane Doe and John Roe - 11/18/19 11:04 PM EST". */
const BYLINE = /^([Bb]y|BY|[Ww]ritten [Bb]y|[Pp]osted [Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Аа]втор:?)\s+\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,3}(\s*(,|and|&)\s*\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,3})*(\s*[-|,•·]\s*([\p{Lu}\d][\p{L}\d:/.,'’-]*\s*){1,8})?$/u
/** Dates and times, for lines that only carry publication metadata. */
const DATE_OR_TIME = /\b\d{1,2}[:.]\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b(19|20)\d{2}\b/
const DATE_START = /^[\s|•·-]*\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b/
const META_WORD = /\b(updated|published|posted|modified|publicado|publicada|actualizado|aktualisiert|veröffentlicht|publié|mis à jour|опубликовано|обновлено|pubblicato|aggiornato)\b/iu

const META_START = new RegExp(`^[\\s|•·-]*${META_WORD.source}`, 'iu')

/** Longest paragraph (in characters) the short rules apply to. */
const SHORT_LIMIT = 300

/** True when a paragraph is page furniture rather than article text. */
export function isBoilerplateParagraph(text: string): boolean {
  const t = text.trim()
  if (t === '') return true
  if (t.length > SHORT_LIMIT) return false
  if (isDateStamp(t)) return true
  if (t.length <= 120 && BYLINE.test(t)) return true
  // "| UPDATED: 11:05, Tue, Nov 19, 2019", "05/10/2018 - Publicado por: ...": a stamp, not a sentence.
  if (t.length <= 120 && DATE_OR_TIME.test(t) && META_WORD.test(t) && (DATE_START.test(t) || META_START.test(t))) return true
  return SHORT_RULES.some((r) => r.test(t))
}

/** A run of link-ish labels separated by pipes or bullets ("Home | News | Sport") is navigation. */
export function isNavigationLine(text: string): boolean {
  const parts = text.split(/\s*[|•·»›]\s*/)
  return parts.length >= 3 && parts.every((p) => p.split(' ').length <= 4)
}

/** Headings after which a page lists other stories, tags or an about-the-company blurb. */
const TAIL_HEADING =
  /^(related( (articles?|stories|posts|content|coverage|reading|links|news|topics))?|more (great |top |recent |popular )?(\S+ ){0,2}(stories|news|articles|coverage|reading)|more (from|on|in) .{1,30}|see also|read (more|next|also)|recommended( for you| reading| stories)?|you (may|might) also (like|enjoy)|further reading|popular (now|stories|posts)|most (read|popular|viewed|shared)|trending( now| stories)?|tags|topics|about the author|about us|latest (news|stories|articles)|читайте также|похожие (статьи|новости|материалы)|самые (популярные|читаемые)( \S+)?|популярное|лучшее|mehr zum thema|weitere artikel|das könnte sie auch interessieren|à lire aussi|sur le même sujet|articles similaires|noticias relacionadas|te puede interesar|notícias relacionadas|leia também|veja também|mais lidas|articoli correlati|leggi anche)\s*:?$/iu
/** Longest item (in words) of a closing list of links or tags. */
const TAIL_ITEM_WORDS = 30

/** Running sentences longer than a teaser: what an inline "Read also" is followed by. */
function isProse(text: string): boolean {
  return text.split(' ').length > TAIL_ITEM_WORDS && /[.!?…]["”»’)]?(\s|$)/u.test(text)
}

/**
 * Cuts the tail of an article at a "Related stories" / "Tags" / "About Company" heading in its
 * second half when what follows is a list of other pages (short items) or a corporate blurb.
 */
export function trimTail(paragraphs: readonly string[]): string[] {
  const start = Math.ceil(paragraphs.length / 2)
  for (let i = Math.max(1, start); i < paragraphs.length; i++) {
    const p = paragraphs[i]!
    if (p.split(' ').length > 8 || !TAIL_HEADING.test(p)) continue
    // An inline "Read also" teaser is followed by more reporting; a closing list is not.
    const rest = paragraphs.slice(i + 1)
    if (!rest.some(isProse)) return paragraphs.slice(0, i)
  }
  return [...paragraphs]
}
