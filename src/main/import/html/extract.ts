import { Readability } from '@mozilla/readability'
import type { DomDocument, DomElement } from './dom'
import { sameWords, textBlocks, wordKey, type TextBlock } from './blocks'
import { HTML_LIMITS } from './guard'
import { isBoilerplateParagraph, isNavigationLine, trimTail } from './boilerplate'
import { pruneFurniture } from './prune'
import { articleContainer } from './container'

export interface ExtractedBody {
  paragraphs: string[]
  /** What Readability made of the title and byline, as fallbacks for the page metadata. */
  readabilityTitle: string | null
  readabilityByline: string | null
  readabilitySiteName: string | null
}

/** Text length × nesting depth beyond which Readability is skipped (real pages stay under 1M). */
export const READABILITY_TEXT_BUDGET = 12_000_000

/** Paragraphs of a Readability result or a fallback container, with furniture lines dropped. */
function cleanBlocks(all: TextBlock[]): string[] {
  const blocks = withoutRepeatedRuns(all.slice(0, closingTeaserList(all)))
  return trimTail(blocks.map((b) => b.text)).filter(
    (t, i) => !(isTeaserLink(blocks[i]!) && !isLinkedSectionHeading(blocks, i)) && !isBoilerplateParagraph(t) && !isNavigationLine(t)
  )
}

/** Shortest run of identical adjacent blocks read as one slide label repeated, not as text. */
const REPEATED_RUN = 3
/** Longest label (in words) such a run may consist of; repeated paragraphs are never dropped. */
const LABEL_WORDS = 10

/**
 * A slideshow writes the same label (the gallery's title, a "next" prompt) once per slide, and
 * with the slides' own captions hidden, the labels end up side by side. A short line that
 * repeats block after block says nothing new, so a run of them is kept as its first block. A run
 * of two is left alone (a refrain can be real), and so is any run of longer paragraphs: losing
 * repeated text of substance would be worse than keeping a page's duplicate.
 */
function withoutRepeatedRuns(blocks: TextBlock[]): TextBlock[] {
  const kept: TextBlock[] = []
  for (let i = 0; i < blocks.length; ) {
    let j = i + 1
    while (j < blocks.length && blocks[j]!.text === blocks[i]!.text) j++
    if (j - i >= REPEATED_RUN && blocks[i]!.text.split(' ').length <= LABEL_WORDS) kept.push(blocks[i]!)
    else kept.push(...blocks.slice(i, j))
    i = j
  }
  return kept
}

/**
 * A short paragraph that is all link is a teaser for another story, not part of this one; bare
 * URLs and priced shopping links are kept, since deal and link-list posts consist of them.
 */
function isTeaserLink(block: TextBlock): boolean {
  if (block.linkDensity < 0.8) return false
  const words = block.text.split(' ').length
  if (words < 3 || words > 25) return false
  return !/^(https?:\/\/|www\.)/i.test(block.text) && !/[$€£¥₹]\s?\d/.test(block.text)
}

const HEADING = /^h[2-6]$/

/** Fewest words of unlinked text under a linked heading that make it a section of the article. */
const SECTION_WORDS = 12

/**
 * A heading, or a paragraph's first line before a `<br>`, that is all link and is followed by
 * unlinked prose of its own heads a section of the article, as in a round-up linking each
 * product's name to the shop; teaser links to other stories stand alone or with a line of
 * summary that the closing-list rule already takes with them.
 */
function isLinkedSectionHeading(blocks: readonly TextBlock[], i: number): boolean {
  const next = blocks[i + 1]
  const block = blocks[i]!
  return (HEADING.test(block.tag) || block.endsAtBreak === true) && next !== undefined && !HEADING.test(next.tag) && next.linkDensity < 0.5 && next.text.split(' ').length >= SECTION_WORDS
}
/** Longest line (in words) describing a teaser under its link. */
const TEASER_BLURB_WORDS = 80

/**
 * Where a closing list of other stories begins: a short heading after half the text, after which
 * the blocks, to the end, are only teaser links each followed by at most two short unlinked lines
 * (the teaser's summary, its date), at least two of them. Dropping the links alone would leave
 * their summaries behind as paragraphs of the article. Returns blocks.length when there is none.
 */
function closingTeaserList(blocks: readonly TextBlock[]): number {
  const n = blocks.length
  const link = blocks.map(isTeaserLink)
  const blurb = blocks.map((b, i) => !link[i] && b.text.split(' ').length <= TEASER_BLURB_WORDS)
  // units[j]: teaser links in blocks[j..] when they read as a run of units to the end, else -1.
  // One pass from the end, so a page of thousands of headings and links stays linear.
  const units = new Array<number>(n + 1).fill(-1)
  units[n] = 0
  for (let j = n - 1; j >= 0; j--) {
    if (!link[j]) continue
    for (let k = 0; k <= 2 && j + 1 + k <= n; k++) {
      if (k > 0 && !blurb[j + k]!) break
      if (units[j + 1 + k]! >= 0) {
        units[j] = units[j + 1 + k]! + 1
        break
      }
    }
  }
  const total = blocks.reduce((sum, b) => sum + b.text.length, 0)
  let before = 0
  for (let i = 0; i < n - 2; before += blocks[i]!.text.length, i++) {
    const head = blocks[i]!
    if (before < total / 2 || !HEADING.test(head.tag) || head.linkDensity >= 0.5 || head.text.split(' ').length > 8) continue
    if (units[i + 1]! >= 2) return i
  }
  return n
}

/**
 * Publishers often repeat the article text in JSON-LD `articleBody`. When the extraction covers
 * nearly all of it, leading and trailing paragraphs that are not part of it are page furniture.
 */
function trimToPublisherBody(paragraphs: string[], ldBody: string): string[] {
  // articleBody is sometimes HTML, or text with entities left in.
  const plain = ldBody.replace(/<[^>]*>/g, ' ').replace(/&(?:#\d+|#x[\da-f]+|[a-z]+);/gi, ' ')
  const body = ` ${wordKey(plain)} `
  const bodyWords = body.trim().split(' ').length
  if (bodyWords < 80) return paragraphs
  const inBody = paragraphs.map((p) => {
    const key = wordKey(p)
    return key !== '' && body.includes(` ${key} `)
  })
  const covered = paragraphs.reduce((n, p, i) => n + (inBody[i] ? wordKey(p).split(' ').length : 0), 0)
  if (covered < bodyWords * 0.8) return paragraphs
  const first = inBody.indexOf(true)
  const last = inBody.lastIndexOf(true)
  return paragraphs.slice(first, last + 1)
}

/** Words in a row that make one shingle when comparing two extractions' text. */
const SHINGLE_WORDS = 3

/** The word shingles of a text, each joined into one string. */
function shingles(paragraphs: readonly string[]): string[] {
  const words = wordKey(paragraphs.join(' ')).split(' ')
  const out: string[] = []
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.push(words.slice(i, i + SHINGLE_WORDS).join(' '))
  return out
}

/**
 * True when nearly all the text of `part` appears in `whole`. Compared by word shingles, not
 * paragraph by paragraph: Readability turns the inline runs of a block with links into
 * paragraphs of their own, which the other extraction keeps as one.
 */
function contains(whole: readonly string[], part: readonly string[]): boolean {
  const keys = new Set(shingles(whole))
  const own = shingles(part)
  const found = own.reduce((n, s) => n + (keys.has(s) ? 1 : 0), 0)
  return own.length > 0 && found >= own.length * 0.9
}

/**
 * Readability appends whole sibling subtrees of its pick when they score well, such as a list of
 * other stories after the article. When the article container (the dense, declared or joined
 * one) holds most of the result, paragraphs after its last one come from elsewhere on the page.
 */
function withoutForeignTail(paragraphs: string[], container: readonly string[]): string[] {
  if (container.length === 0) return paragraphs
  const keys = new Set(container.map(wordKey))
  let last = -1
  paragraphs.forEach((p, i) => {
    if (keys.has(wordKey(p))) last = i
  })
  if (last < 0 || last === paragraphs.length - 1) return paragraphs
  const inside = paragraphs.reduce((n, p) => n + (keys.has(wordKey(p)) ? p.length : 0), 0)
  return inside >= totalLength(paragraphs) * 0.6 ? paragraphs.slice(0, last + 1) : paragraphs
}

function totalLength(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0)
}

function runReadability(doc: DomDocument): { root: DomElement; title: string | null; byline: string | null; siteName: string | null } | null {
  // Readability mutates the document it is given, which is fine: metadata was read beforehand.
  const reader = new Readability<DomElement>(doc as never, {
    serializer: (el) => el as unknown as DomElement,
    charThreshold: 250,
    maxElemsToParse: HTML_LIMITS.maxElements
  })
  const result = reader.parse()
  if (!result || !result.content) return null
  return { root: result.content, title: result.title ?? null, byline: result.byline ?? null, siteName: result.siteName ?? null }
}

/**
 * Finds the article text of a page: furniture is pruned, Readability picks the main content,
 * then line rules drop what is left of share prompts, teasers and credits.
 */
export function extractBody(doc: DomDocument, dek: string | null = null, ldBody: string | null = null): ExtractedBody {
  const { dense, textCost } = pruneFurniture(doc)
  // Read before Readability rearranges the document: the plain densest-paragraphs container.
  // Growing the container re-reads ancestors' text as Readability does, so it has the same budget.
  const container = dense && doc.body ? (textCost <= READABILITY_TEXT_BUDGET ? articleContainer(dense, doc.body) : dense) : null
  const fallback = container ? cleanBlocks(textBlocks(container)) : []
  // Readability re-reads every ancestor's text, so deep, text-heavy pages would take minutes;
  // past the budget the linear fallback alone is used.
  const found = textCost <= READABILITY_TEXT_BUDGET ? runReadability(doc) : null
  let paragraphs = found ? cleanBlocks(textBlocks(found.root)) : []
  // A page without a single <p> and without a Readability result still has its text blocks.
  if (paragraphs.length === 0 && fallback.length === 0 && doc.body) paragraphs = cleanBlocks(textBlocks(doc.body))
  // Readability sometimes settles on a caption or teaser; the main run of paragraphs is then better.
  if (totalLength(paragraphs) < totalLength(fallback) * 0.5) paragraphs = fallback
  else if (container !== dense && totalLength(fallback) > totalLength(paragraphs) && contains(fallback, paragraphs)) paragraphs = fallback
  else paragraphs = withoutForeignTail(paragraphs, fallback)
  if (ldBody) paragraphs = trimToPublisherBody(paragraphs, ldBody)
  // The standfirst is metadata (the dek), not the first paragraph of the body.
  if (dek && paragraphs.length > 1 && sameWords(paragraphs[0]!, dek)) paragraphs = paragraphs.slice(1)
  return {
    paragraphs,
    readabilityTitle: found?.title ?? null,
    readabilityByline: found?.byline ?? null,
    readabilitySiteName: found?.siteName ?? null
  }
}
