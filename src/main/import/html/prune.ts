import { TEXT_NODE, walkElements, type DomDocument, type DomElement } from './dom'
import { cutAtCommentMarkers } from './comment-markers'
import { ARTICLE_CONTENT } from './container'

/** Elements that never carry article prose. */
const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'button', 'select', 'input', 'textarea',
  'nav', 'aside', 'footer', 'figcaption', 'dialog', 'object', 'embed', 'video', 'audio', 'map'
])

/**
 * Words in class names and ids that mark page furniture around an article: share and follow
 * bars, related and recommended teasers, newsletter boxes, comment threads, captions and credits,
 * author bios, ads. Class names are split into words so `commentary` is not `comment`; a single
 * underscore joins words into one name (`pc_meta` names a theme's own class, not a meta line),
 * while BEM's double one separates (`article__share` is a share bar).
 */
const BOILERPLATE_WORDS = new Set([
  'share', 'sharing', 'sharebar', 'social', 'socials', 'follow', 'newsletter', 'newsletters', 'subscribe', 'subscription',
  'signup', 'related', 'recommended', 'recommendation', 'recommendations', 'promo', 'promos', 'promotion', 'outbrain',
  'taboola', 'comment', 'comments', 'disqus', 'advert', 'advertisement', 'advertising', 'ad', 'ads', 'adsense', 'dfp',
  'sponsor', 'sponsored', 'caption', 'captions', 'credit', 'credits', 'breadcrumb', 'breadcrumbs', 'bio', 'popular',
  'trending', 'cookie', 'cookies', 'consent', 'gdpr', 'modal', 'popup', 'tooltip', 'toolbar', 'navbar', 'nav', 'menu',
  'sidebar', 'widget', 'widgets', 'banner', 'masthead', 'pagination', 'pager', 'tags', 'skip', 'print',
  'teaser', 'teasers', 'meta', 'rollover', 'popover', 'hovercard', 'byline', 'dateline', 'timestamp', 'rating', 'reactions', 'jump'
])
/** Multi-word markers matched against the joined class/id text. */
const BOILERPLATE_PHRASES = /(read-?more|more-?stories|most-?read|also-?read|see-?also|author-?(box|info|card|bio|about)|about-?the-?author|post-?author|inline-?ad|ad-?slot|ad-?unit|in-?article-?ad|story-?footer|article-?footer|post-?footer|post-?meta|entry-?meta|article-?meta|entry-?footer|image-?credit|photo-?credit|media-?caption|wp-?caption|sr-?only|visually-?hidden|screen-?reader)/i
const COMMENT_REASON = /(^|[^a-z])(comments?|disqus)([^a-z]|$)/i
const ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'dialog', 'alert', 'menu', 'menubar', 'toolbar'])
const PROTECTED = new Set(['html', 'body', 'main', 'article'])
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i

function words(attr: string): string[] {
  return attr
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/__|[^a-z0-9_]+/)
    .filter((w) => w !== '')
}

/** Why an element is page furniture, or null when it may hold article text. */
export function furnitureReason(el: DomElement): string | null {
  const tag = el.localName.toLowerCase()
  if (DROP_TAGS.has(tag)) return tag
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return 'hidden'
  const style = el.getAttribute('style')
  if (style && HIDDEN_STYLE.test(style)) return 'hidden'
  const role = el.getAttribute('role')
  if (role && ROLES.has(role.toLowerCase())) return `role=${role}`
  if (PROTECTED.has(tag)) return null
  const attrs = classAndId(el)
  if (attrs.trim() === '') return null
  if (BOILERPLATE_PHRASES.test(attrs)) return attrs.trim()
  if (furnitureWords(attrs).length > 0) return attrs.trim()
  return null
}

/** The furniture words among the words of an element's class and id. */
function furnitureWords(attrs: string): string[] {
  return words(attrs).filter((w) => BOILERPLATE_WORDS.has(w))
}

function classAndId(el: DomElement): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
}

/** Words per sentence and link share above which a block reads as running prose, not furniture. */
const PROSE_MIN_WORDS = 40
const PROSE_WORDS_PER_SENTENCE = 10
const PROSE_MAX_LINK_SHARE = 0.2

/** Whether a block holds sentences of prose rather than links, labels or a byline. */
function isProse(el: DomElement): boolean {
  const text = el.textContent ?? ''
  const wordCount = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length
  if (wordCount < PROSE_MIN_WORDS) return false
  const sentences = Math.max(1, (text.match(/[.!?](\s|$)/g) ?? []).length)
  if (wordCount / sentences < PROSE_WORDS_PER_SENTENCE) return false
  let linked = 0
  const links = el.querySelectorAll('a')
  for (let i = 0; i < links.length; i++) linked += (links[i]!.textContent ?? '').length
  return linked <= text.length * PROSE_MAX_LINK_SHARE
}

/**
 * Whether a block is marked furniture only by class words that the article's own container
 * chain also carries: page builders class every block of a page, the article's too, as a
 * widget or module, so there the word says nothing and only prose tells content apart.
 */
function layoutVocabularyProse(el: DomElement, attrs: string, chainWords: Set<string>, withinProse: boolean): boolean {
  if (BOILERPLATE_PHRASES.test(attrs)) return false
  const found = furnitureWords(attrs)
  // Inside a block already read as prose the text is not read again: nested builder wrappers
  // would otherwise cost their text once per level.
  return found.length > 0 && found.every((w) => chainWords.has(w)) && (withinProse || isProse(el))
}

const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg'])

/** Visible text length of every element (scripts and styles excluded), in one pass without recursion. */
function visibleTextLengths(root: DomElement): Map<DomElement, number> {
  const order: DomElement[] = [root]
  const own = new Map<DomElement, number>()
  walkElements(root, (el) => {
    if (INVISIBLE.has(el.localName.toLowerCase())) {
      own.set(el, 0)
      return false
    }
    order.push(el)
    return true
  })
  for (const el of order) {
    let n = 0
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === TEXT_NODE) n += (c.textContent ?? '').trim().length
    own.set(el, n)
  }
  // Children come after their parents in document order, so a reverse sweep sums subtrees.
  for (let i = order.length - 1; i > 0; i--) {
    const el = order[i]!
    const parent = el.parentElement
    if (parent && own.has(parent)) own.set(parent, own.get(parent)! + own.get(el)!)
  }
  return own
}

/** The element whose direct <p> children hold the most text: the likeliest article container. */
function densestParagraphParent(root: DomElement, lengths: Map<DomElement, number>): DomElement | null {
  const sums = new Map<DomElement, number>()
  walkElements(root, (el) => {
    const tag = el.localName.toLowerCase()
    if (INVISIBLE.has(tag)) return false
    if (tag === 'p' && el.parentElement) sums.set(el.parentElement, (sums.get(el.parentElement) ?? 0) + (lengths.get(el) ?? 0))
    return true
  })
  let best: DomElement | null = null
  let bestSum = 0
  for (const [el, sum] of sums) if (sum > bestSum) [best, bestSum] = [el, sum]
  return best
}

/** Every ancestor (within `root`) of the elements matching `selector`: one pass, no subtree queries. */
function ancestorsOf(root: DomElement, selector: string): Set<DomElement> {
  const out = new Set<DomElement>()
  const found = root.querySelectorAll(selector)
  for (let i = 0; i < found.length; i++) {
    for (let el = found[i]!.parentElement; el && el !== root && !out.has(el); el = el.parentElement) out.add(el)
  }
  return out
}

export interface PruneResult {
  /** The element whose paragraphs hold the most text after pruning (the fallback article). */
  dense: DomElement | null
  /**
   * Sum over all elements of their text length, i.e. text length weighted by nesting depth: what
   * scoring every ancestor's inner text costs. Deep, text-heavy pages make it explode.
   */
  textCost: number
}

/**
 * Removes navigation, share/follow bars, related teasers, comments, captions, ads and hidden
 * elements before Readability scores the page, so their text cannot end up in the article.
 */
export function pruneFurniture(doc: DomDocument): PruneResult {
  const body = doc.body
  if (!body) return { dense: null, textCost: 0 }
  cutAtCommentMarkers(body)
  const lengths = visibleTextLengths(body)
  const bodyLength = lengths.get(body) ?? 0
  let textCost = 0
  for (const n of lengths.values()) textCost += n
  // Never prune the container of the main run of paragraphs, nor anything around it.
  const keep = new Set<DomElement>()
  const dense = densestParagraphParent(body, lengths)
  const chainWords = new Set<string>()
  for (let el = dense; el && el !== body; el = el.parentElement) {
    keep.add(el)
    for (const w of furnitureWords(classAndId(el))) chainWords.add(w)
  }
  const aroundHeadline = ancestorsOf(body, 'h1, article, [itemprop="articleBody"]')
  // Blog engines wrap a post declared as the article text in containers classed as widgets or
  // modules, which must not go with the real sidebar widgets.
  const aroundContent = ancestorsOf(body, `${ARTICLE_CONTENT}, blockquote.twitter-tweet, blockquote.instagram-media`)
  const doomed: DomElement[] = []
  const proseBlocks = new Set<DomElement>()
  walkElements(body, (el) => {
    const withinProse = el.parentElement !== null && proseBlocks.has(el.parentElement)
    if (withinProse) proseBlocks.add(el)
    const reason = furnitureReason(el)
    if (reason === null) return true
    const tag = el.localName.toLowerCase()
    // Reader comments can outweigh a short post, so size alone does not protect a comment thread.
    if (COMMENT_REASON.test(reason) && !aroundHeadline.has(el)) {
      doomed.push(el)
      return false
    }
    // A wrapper holding most of the page's text is a layout container whatever its class says.
    const holdsArticle = keep.has(el) || (lengths.get(el) ?? 0) > bodyLength * 0.4 || aroundContent.has(el)
    if (holdsArticle && !INVISIBLE.has(tag)) return true
    if (reason === classAndId(el).trim() && layoutVocabularyProse(el, reason, chainWords, withinProse)) {
      proseBlocks.add(el)
      return true
    }
    doomed.push(el)
    return false
  })
  for (const el of doomed) el.remove()
  // The densest container survives unless it sat inside a comment thread; then look again.
  let attached = dense
  while (attached && attached !== body) attached = attached.parentElement
  return { dense: dense && attached === body ? dense : densestParagraphParent(body, visibleTextLengths(body)), textCost }
}
