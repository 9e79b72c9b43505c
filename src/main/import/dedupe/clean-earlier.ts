/**
 * When the boilerplate memory learns a line (the N-th article of an outlet carries it), the
 * earlier articles that carried it are cleaned too, so the outlet's articles read alike whatever
 * order they were imported in.
 */
import type { Db } from '../../archive/db'
import { now } from '../../archive/clock'
import { hasProposals, removeParagraphs } from '../../archive/repo/paragraph-removal'
import { articleParagraphs } from '../../archive/repo/paragraph-text'
import { articlesCarryingLine, isLearnedLine, learnLine } from '../../archive/repo/shared-paragraphs'
import { journaledAction } from '../../archive/journal'
import { refreshArticleProposals } from '../../chronology/proposals/store'
import { reanchorArticle } from '../../chronology/reanchor'
import { reextractArticles } from '../../entities/reextract'
import type { Decisions } from '../../entities/decisions'
import type { ImportCleaned } from '../../../shared/types'
import { boilerplateKey } from '../../text/shingles'

/**
 * Removes newly learned lines from the outlet's earlier articles, inside the import's
 * transaction and as one undoable action: paragraphs, clean text, search (by trigger),
 * fingerprints and near-duplicate pairs follow; citations are re-anchored, and one that quoted a
 * removed line is flagged orphaned with its anchor kept (never moved to other text); proposals
 * follow the text. An article made only of learned lines is left whole, as import leaves one.
 *
 * The lines are marked learned outside the undoable action: undoing the cleaning restores the
 * earlier articles and they stay restored, rather than being cleaned again by the next import.
 * Returns null when no earlier article changed.
 */
export function cleanEarlierArticles(
  db: Db,
  args: { outletKey: string; outletName: string; articleId: number; lines: ReadonlySet<number>; decisions: Decisions }
): ImportCleaned | null {
  const fresh = [...args.lines].filter((h) => !isLearnedLine(db, args.outletKey, h))
  if (fresh.length === 0) return null
  const stamp = now()
  const carried = new Map<number, Set<number>>()
  for (const h of fresh) {
    learnLine(db, args.outletKey, h, stamp)
    for (const id of articlesCarryingLine(db, args.outletKey, h, args.articleId)) {
      let lines = carried.get(id)
      if (!lines) carried.set(id, (lines = new Set()))
      lines.add(h)
    }
  }
  const plan: { id: number; ordinals: number[] }[] = []
  for (const [id, lines] of carried) {
    const paragraphs = articleParagraphs(db, id)
    const ordinals = paragraphs.filter((p) => lines.has(boilerplateKey(p.text) ?? -1)).map((p) => p.ordinal)
    if (ordinals.length > 0 && ordinals.length < paragraphs.length) plan.push({ id, ordinals })
  }
  if (plan.length === 0) return null
  const n = plan.length
  const label = `Remove a line repeated by ${args.outletName} from ${n} earlier article${n === 1 ? '' : 's'}`
  const { value, actionId } = journaledAction(db, label, () => {
    const moved: number[] = []
    const orphaned: number[] = []
    for (const { id, ordinals } of plan) {
      removeParagraphs(db, id, ordinals)
      const report = reanchorArticle(db, id)
      reextractArticles(db, [id], args.decisions)
      moved.push(...report.moved)
      orphaned.push(...report.orphaned)
      if (hasProposals(db, id)) refreshArticleProposals(db, id)
    }
    return { moved, orphaned }
  })
  return {
    articleId: args.articleId,
    outlet: args.outletName,
    cleanedIds: plan.map((p) => p.id),
    paragraphs: plan.reduce((sum, p) => sum + p.ordinals.length, 0),
    citationsMoved: value.moved,
    citationsOrphaned: value.orphaned,
    actionId
  }
}
