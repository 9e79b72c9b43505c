/**
 * Line-level boilerplate decisions, all in one place: which paragraphs of an article are page
 * furniture (navigation, share blocks, embed markers, teasers, comment forms, author bios)
 * rather than the story. Removed from the clean text only; the archive keeps the original.
 */

/** Why a paragraph is page furniture rather than story. */
export type BoilerplateKind =
  | 'navigation'
  | 'share'
  | 'embed'
  | 'see-also'
  | 'comment-form'
  | 'back-to-top'
  | 'standards'
  | 'copyright'
  | 'author-bio'
  | 'newsletter'

const NAVIGATION = /^(?:all news|all stories|latest news|latest|top stories|home|homepage|home page|menu|main menu|open menu|close menu|close|search|skip to (?:main )?content|skip navigation|sign in|log in|login|register|news|world|politics|business|sections|trending|breaking news|live|видео|все новости|главная|меню|новости|toutes les actualités|accueil|startseite|alle nachrichten|inicio|portada)$/iu
const BREADCRUMB = /^[\p{L}\p{N}][\p{L}\p{N}&' .-]{0,30}(?:\s*[>»›/|]\s*[\p{L}\p{N}][\p{L}\p{N}&' .-]{0,30}){1,6}$/u

const SOCIAL = /\b(?:facebook|twitter|x\.com|youtube|linkedin|reddit|instagram|telegram|whatsapp|tiktok|pinterest|vk|vkontakte|google news|flipboard|feedly|rss|mastodon|threads|bluesky)\b/gi
// `(?!\p{L})` rather than `\b`: JavaScript's \b only knows ASCII letters, so it fails after Cyrillic.
const SHARE_START = /^(?:follow us(?!\p{L})|follow (?:@|on(?!\p{L}))|subscribe (?:to|for|now|today)(?!\p{L})|sign up (?:for|to)(?!\p{L})|share (?:this|on|via)(?!\p{L})|like us on(?!\p{L})|join (?:us|our)(?!\p{L})|download (?:our|the) app(?!\p{L})|get (?:our|the) (?:newsletter|app)(?!\p{L})|подписывайтесь(?!\p{L})|abonnez-vous(?!\p{L})|folgen sie uns(?!\p{L})|síguenos(?!\p{L}))/iu
const SHARE_WORDS = /^(?:share|tweet|email|e-mail|print|copy link|copy|facebook|twitter|whatsapp|telegram|linkedin|reddit|pinterest|share this article|share on facebook|share on twitter|comments?)$/iu
const EMBED_MARKER = /^\/[^/\n]{0,40}\bembed\b[^/\n]{0,40}\/$/iu
const EMBED_CLOSE = /\b(?:final|end|close|closing)\b/iu
const SEE_ALSO = /^(?:see also|read also|also read|read more|related(?: articles| stories| news| content| coverage)?|more on this(?: story)?|recommended(?: for you)?|you may also like|you might also like|more from|don't miss|must read|читайте также|см\. также|смотрите также|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|leer también|lea también|leggi anche|leia também)(?!\p{L})[:.\s]*/iu
const COMMENT_FORM = /^(?:leave a (?:reply|comment)|post a comment|add (?:a )?comment|write a comment|cancel reply|your email address will not be published|required fields are marked|notify me of (?:follow-up comments|new posts)|save my name, email|comments? \(\d+\)|\d+ comments?|comments are closed|you must be logged in to post a comment|log in to comment|be the first to comment)/iu
const BACK_TO_TOP = /^(?:back to top|to top|top of page|scroll to top|return to top|наверх|вверх|haut de page|nach oben|volver arriba)\W*$/iu
const STANDARDS = /^our standards\s*:/iu
const NEWSLETTER = /^(?:view (?:this email |it )?in (?:your )?browser|view online|unsubscribe\b|click here to unsubscribe|to unsubscribe\b|manage (?:your )?(?:subscription|preferences)|update your (?:email )?preferences|you (?:are receiving|received) this (?:e-?mail|message|newsletter)|forward (?:this )?to a friend|was this (?:e-?mail|newsletter) forwarded to you|add us to your address book|if you no longer wish to receive)/iu
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)\s*(?:\d{4}|[\p{L}])|all rights reserved\.?$/iu

const BIO_NAME = /^[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){1,3}$/u
const QUOTED = /^["“«„][^]*["”»“]$/u
const ABOUT_AUTHOR = /^(?:about the author|about the writer|об авторе|à propos de l'auteur|über den autor)\s*:?$/iu

const isShort = (text: string, max = 160): boolean => text.length <= max && !/[.!?]["”»]?\s+\p{Lu}/u.test(text)

/** True for a navigation line such as "All news", "Home", "Menu" or a breadcrumb trail. */
export function isNavigationLine(line: string): boolean {
  const t = line.trim()
  if (t.length === 0 || t.length > 80) return false
  return NAVIGATION.test(t) || (BREADCRUMB.test(t) && /[>»›|]|\s\/\s/.test(t))
}

/** The context-free boilerplate kind of one paragraph, or null when it looks like content. */
export function classifyParagraph(text: string): BoilerplateKind | null {
  const t = text.trim()
  if (EMBED_MARKER.test(t)) return 'embed'
  if (BACK_TO_TOP.test(t)) return 'back-to-top'
  if (STANDARDS.test(t)) return 'standards'
  if (NEWSLETTER.test(t) && t.length <= 400) return 'newsletter'
  if (COMMENT_FORM.test(t) && t.length <= 300) return 'comment-form'
  if (SEE_ALSO.test(t) && t.length <= 200) return 'see-also'
  if (SHARE_WORDS.test(t)) return 'share'
  if (SHARE_START.test(t) && t.length <= 1200) return 'share'
  const social = t.match(SOCIAL)?.length ?? 0
  if (social >= 3 && /\b(?:follow|subscribe|share|newsletter|join)\b/iu.test(t) && t.length <= 1200) return 'share'
  if (COPYRIGHT.test(t) && t.length <= 200) return 'copyright'
  return null
}

/**
 * Boilerplate decision for each paragraph of an article, in context: navigation lines count
 * only before the headline; a bare "See also" takes the teaser title after it; short lines
 * between an opening and a closing embed marker go with them; at the end, a name line followed
 * by a quoted bio (or an "About the author" heading) is an author bio.
 */
export function markBoilerplate(paragraphs: readonly string[]): (BoilerplateKind | null)[] {
  const marks = paragraphs.map((p) => classifyParagraph(p))
  for (let i = 0; i < paragraphs.length && isNavigationLine(paragraphs[i]!); i++) marks[i] = 'navigation'
  for (let i = 0; i < paragraphs.length; i++) {
    const text = paragraphs[i]!.trim()
    if (marks[i] === 'see-also' && text.replace(SEE_ALSO, '').length === 0) {
      const next = paragraphs[i + 1]
      if (next !== undefined && marks[i + 1] === null && isShort(next, 150) && !/[.!?]$/.test(next.trim())) marks[i + 1] = 'see-also'
    }
    if (marks[i] === 'embed' && !EMBED_CLOSE.test(text)) {
      for (let j = i + 1; j <= i + 5 && j < paragraphs.length; j++) {
        if (marks[j] === 'embed' && EMBED_CLOSE.test(paragraphs[j]!)) {
          const inner = paragraphs.slice(i + 1, j)
          if (inner.every((p) => isShort(p, 200))) for (let k = i + 1; k < j; k++) marks[k] = 'embed'
          break
        }
      }
    }
  }
  markAuthorBio(paragraphs, marks)
  return marks
}

function markAuthorBio(paragraphs: readonly string[], marks: (BoilerplateKind | null)[]): void {
  let end = paragraphs.length - 1
  while (end >= 0 && marks[end] !== null) end--
  if (end < 2) return
  const last = paragraphs[end]!.trim()
  const before = paragraphs[end - 1]!.trim()
  if (QUOTED.test(last) && last.length <= 600 && BIO_NAME.test(before) && before.length <= 50) {
    marks[end] = 'author-bio'
    marks[end - 1] = 'author-bio'
    return
  }
  for (let i = Math.max(1, end - 3); i <= end; i++) {
    if (ABOUT_AUTHOR.test(paragraphs[i]!.trim())) {
      for (let k = i; k <= end; k++) marks[k] = 'author-bio'
      return
    }
  }
}

/**
 * Canonical form of a line for counting repetitions across an archive (a line that recurs in
 * many articles of one outlet is boilerplate): Unicode-folded, lower-cased, digits collapsed to
 * `0`, punctuation and symbols dropped, whitespace collapsed. Empty when nothing is left.
 */
export function normaliseLineForRepetition(line: string): string {
  return line
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{N}+/gu, '0')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The author's name from a bio block removed by `markBoilerplate`, when it has one. */
export function authorFromBio(paragraphs: readonly string[], marks: readonly (BoilerplateKind | null)[]): string | null {
  for (let i = 0; i < paragraphs.length - 1; i++) {
    if (marks[i] === 'author-bio' && marks[i + 1] === 'author-bio' && BIO_NAME.test(paragraphs[i]!.trim())) {
      return paragraphs[i]!.trim()
    }
  }
  return null
}
