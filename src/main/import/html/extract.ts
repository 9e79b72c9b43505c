import { Readability } from '@mozilla/readability'
import type { DomDocument, DomElement } from './dom'
import { textBlocks, type TextBlock } from './blocks'
import { isBoilerplateParagraph, isNavigationLine } from './boilerplate'
import { pruneFurniture } from './prune'

export interface ExtractedBody {
  paragraphs: string[]
  /** What Readability made of the title and byline, as fallbacks for the page metadata. */
  readabilityTitle: string | null
  readabilityByline: string | null
  readabilitySiteName: string | null
}

/** Paragraphs of a Readability result or a fallback container, with furniture lines dropped. */
function cleanBlocks(blocks: TextBlock[]): string[] {
  return blocks.map((b) => b.text).filter((t) => !isBoilerplateParagraph(t) && !isNavigationLine(t))
}

function runReadability(doc: DomDocument): { root: DomElement; title: string | null; byline: string | null; siteName: string | null } | null {
  // Readability mutates the document it is given, which is fine: metadata was read beforehand.
  const reader = new Readability<DomElement>(doc as never, { serializer: (el) => el as unknown as DomElement, charThreshold: 250 })
  const result = reader.parse()
  if (!result || !result.content) return null
  return { root: result.content, title: result.title ?? null, byline: result.byline ?? null, siteName: result.siteName ?? null }
}

/**
 * Finds the article text of a page: furniture is pruned, Readability picks the main content,
 * then line rules drop what is left of share prompts, teasers and credits.
 */
export function extractBody(doc: DomDocument): ExtractedBody {
  pruneFurniture(doc)
  const found = runReadability(doc)
  const paragraphs = found ? cleanBlocks(textBlocks(found.root)) : []
  return {
    paragraphs,
    readabilityTitle: found?.title ?? null,
    readabilityByline: found?.byline ?? null,
    readabilitySiteName: found?.siteName ?? null
  }
}
