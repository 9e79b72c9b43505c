import type { DomElement } from './dom'

/**
 * Markup that declares an element to be the article text: schema.org `articleBody`, hAtom
 * `entry-content` and microformats2 `e-content`.
 */
export const ARTICLE_CONTENT = '[itemprop="articleBody"], .entry-content, .e-content'

/** Share of a container's text that may sit in links before it reads as a list of teasers. */
const MAX_LINK_SHARE = 0.3

/** Paragraph text (characters) a sibling block needs to count as a section of the article. */
const MIN_SECTION_PROSE = 100

/**
 * The generated id at the end of a class (`element-6ddd1f0`, `block-4a1c9`): it names one
 * block, not its kind, as page builders stamp a fresh one on every block they emit.
 */
const BLOCK_ID_SUFFIX = /([-_])(?=[a-z]*\d)[a-z\d]{5,}$/i

/**
 * Tag and class list, what page builders repeat for every block of one article, with the ids
 * in classes blanked out; null without a class.
 */
function signature(el: DomElement): string | null {
  const classes = (el.getAttribute('class') ?? '').trim()
  if (classes === '') return null
  const kind = classes.split(/\s+/).map((c) => c.replace(BLOCK_ID_SUFFIX, '$1#'))
  return `${el.localName.toLowerCase()}.${kind.sort().join('.')}`
}

/** Text of the paragraphs in an element that are not mostly links. */
function prose(el: DomElement): number {
  let n = 0
  const paragraphs = el.querySelectorAll('p')
  for (let i = 0; i < paragraphs.length; i++) if (linkShare(paragraphs[i]!) < 0.5) n += textLength(paragraphs[i]!)
  return n
}

function textLength(el: DomElement): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length
}

function linkShare(el: DomElement): number {
  const total = textLength(el)
  if (total === 0) return 0
  let linked = 0
  const links = el.querySelectorAll('a')
  for (let i = 0; i < links.length; i++) linked += textLength(links[i]!)
  return linked / total
}

/**
 * Page builders (Squarespace, Gutenberg groups, newsletter platforms) cut one article into a row
 * of sibling blocks of the same kind, one per section, so the element holding the most paragraph
 * text is only the first section. Climbs from that element while its siblings are blocks of its
 * own kind with text of their own, and stops at the first level where they are something else.
 * Levels whose siblings hold no text (images, spacers, single-child wrappers) are climbed freely.
 */
function withSiblingSections(dense: DomElement, body: DomElement): DomElement {
  let best = dense
  let el = dense
  // Never above the body: the head's scripts would be read as a sibling's text (a 20 MB script
  // once held 500 MB here when the densest paragraphs sat directly in <body>).
  for (let parent = el === body ? null : el.parentElement; parent && parent !== body; parent = el.parentElement) {
    const kind = signature(el)
    let sameKind = 0
    let otherText = 0
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (c === el) continue
      const n = textLength(c)
      if (n === 0) continue
      if (kind !== null && signature(c) === kind && prose(c) >= MIN_SECTION_PROSE) sameKind++
      else otherText += n
    }
    if (sameKind === 0 && otherText > 0) break
    el = parent
    if (sameKind > 0) {
      if (linkShare(parent) > MAX_LINK_SHARE) break
      best = parent
    }
  }
  return best
}

/** The innermost element declared as the article text (ARTICLE_CONTENT) that holds `el`. */
function declaredAround(el: DomElement): DomElement | null {
  return el.closest(ARTICLE_CONTENT)
}

/**
 * The element holding the whole article, starting from the one with the most paragraph text:
 * the container the page declares as its article body when there is one around it, else that
 * element grown over sibling sections of the same kind.
 */
export function articleContainer(dense: DomElement, body: DomElement): DomElement {
  return declaredAround(dense) ?? withSiblingSections(dense, body)
}
