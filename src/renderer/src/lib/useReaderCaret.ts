import { useCallback, useMemo, useState, type RefObject } from 'react'
import type { ArticleDetail } from '../../../shared/types'
import { sentenceSpans } from '../../../shared/sentences'
import { selectionEnds, selectOffsets } from './domOffsets'
import { extendFocus, motionFor, moveCaret, paragraphEdge, sentenceHolding, wordCount, type Unit } from './textMotion'

/** Where the painted caret sits inside the Reader's scroll box. */
export interface CaretBox {
  top: number
  left: number
  height: number
}

interface Options {
  body: RefObject<HTMLDivElement | null>
  article: ArticleDetail | null
  /** The keyboard changed the DOM selection; the Reader reads it back as the mouse path does. */
  onSelected(): void
}

export interface ReaderCaret {
  onKeyDown(e: React.KeyboardEvent<HTMLDivElement>): void
  /** The caret to paint while nothing is selected, for the article it was placed in. */
  caret: CaretBox | null
  /** What a screen reader hears after each move. */
  announcement: string
  /** A mouse took over the selection: stop painting the keyboard caret. */
  release(): void
  /** Says something else about the selection in the same live region (the popover opening). */
  announce(message: string): void
}

type Step = { kind: 'move' | 'extend'; unit: Unit; dir: 1 | -1 } | { kind: 'edge'; dir: 1 | -1 }

/** The keys of keyboard citing, listed in the shortcuts overlay from the same table. */
export const CARET_KEYS: { keys: string[]; action: string }[] = [
  { keys: ['→', '←'], action: 'Reader: move the caret to the next / previous word' },
  { keys: [')', '('], action: 'Reader: move the caret to the next / previous sentence' },
  { keys: ['Ctrl+↓', 'Ctrl+↑'], action: 'Reader: move the caret to the next / previous paragraph' },
  { keys: ['Shift+→', 'Shift+←'], action: 'Reader: extend the selection by a word' },
  { keys: ['Shift+↓', 'Shift+↑'], action: 'Reader: extend the selection by a sentence' },
  { keys: ['Shift+End', 'Shift+Home'], action: 'Reader: extend the selection to the end / start of the paragraph' },
  // Handled by the Reader itself (it knows the names), listed here with the other caret keys.
  { keys: ['Enter'], action: 'Reader: open the person, organisation or place at the caret' }
]

function stepFor(e: React.KeyboardEvent): Step | null {
  if (e.altKey || e.metaKey) return null
  const ctrl = e.ctrlKey
  const dir = (forward: boolean): 1 | -1 => (forward ? 1 : -1)
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowLeft':
      return ctrl ? null : { kind: e.shiftKey ? 'extend' : 'move', unit: 'word', dir: dir(e.key === 'ArrowRight') }
    case 'ArrowDown':
    case 'ArrowUp':
      if (ctrl && !e.shiftKey) return { kind: 'move', unit: 'paragraph', dir: dir(e.key === 'ArrowDown') }
      // Bare ↓/↑ keep scrolling the text.
      return e.shiftKey && !ctrl ? { kind: 'extend', unit: 'sentence', dir: dir(e.key === 'ArrowDown') } : null
    case ')':
    case '(':
      return ctrl ? null : { kind: 'move', unit: 'sentence', dir: dir(e.key === ')') }
    case 'End':
    case 'Home':
      return e.shiftKey && !ctrl ? { kind: 'edge', dir: dir(e.key === 'End') } : null
    default:
      return null
  }
}

const quoteForSpeech = (s: string): string => (s.length > 240 ? `${s.slice(0, 240)} and more` : s)

/**
 * Keyboard citing in the Reader: a caret moved by word, sentence and paragraph, and a selection
 * extended from it, both kept as the document's own selection so citing reads them exactly as
 * it reads a mouse drag. Each move is announced.
 */
export function useReaderCaret({ body, article, onSelected }: Options): ReaderCaret {
  const text = article?.text ?? ''
  const paragraphs = article?.paragraphs
  const motion = useMemo(() => motionFor(text, sentenceSpans(text), paragraphs ?? []), [text, paragraphs])
  const articleId = article?.id ?? null
  const [painted, setPainted] = useState<{ box: CaretBox; articleId: number | null } | null>(null)
  const [announcement, setAnnouncement] = useState('')

  /** Where a first key starts: the selection if it is in the text, else the first paragraph in view. */
  const start = useCallback((root: HTMLElement): { anchor: number; focus: number } => {
    const ends = selectionEnds(root)
    if (ends) return ends
    const top = root.getBoundingClientRect().top
    const first = [...root.querySelectorAll('[data-text-start]')].find((p) => p.getBoundingClientRect().bottom > top)
    const at = Number(first?.getAttribute('data-text-start') ?? 0)
    return { anchor: at, focus: at }
  }, [])

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent<HTMLDivElement>) => {
      const root = body.current
      // Keys on the popover, margin marks or header controls are theirs.
      if (!root || !article || e.target !== e.currentTarget) return
      if (e.key === 'Escape') {
        const ends = selectionEnds(root)
        if (!ends || ends.anchor === ends.focus) return
        e.preventDefault()
        selectOffsets(root, ends.focus, ends.focus)
        onSelected()
        setAnnouncement('Selection cleared')
        return
      }
      const step = stepFor(e)
      if (!step) return
      e.preventDefault()
      const from = start(root)
      let { anchor, focus } = from
      if (step.kind === 'move') anchor = focus = moveCaret(motion, focus, step.unit, step.dir)
      else focus = step.kind === 'edge' ? paragraphEdge(motion, focus, step.dir) : extendFocus(motion, anchor, focus, step.unit, step.dir)
      const caret = selectOffsets(root, anchor, focus)
      if (!caret) return
      const node = caret.startContainer.parentElement
      node?.scrollIntoView({ block: 'nearest' })
      const box = root.getBoundingClientRect()
      const rect = caret.getClientRects()[0] ?? caret.getBoundingClientRect()
      setPainted(anchor === focus ? { box: { top: rect.top - box.top + root.scrollTop, left: rect.left - box.left + root.scrollLeft, height: rect.height || 18 }, articleId } : null)
      onSelected()
      if (anchor === focus) {
        const para = article.paragraphs.find((p) => focus >= p.start && focus <= p.end)
        const sentence = sentenceHolding(motion, focus)
        setAnnouncement(`Paragraph ${para?.ordinal ?? ''}: ${sentence ? quoteForSpeech(text.slice(sentence.start, sentence.end)) : ''}`)
      } else {
        const [s, t] = anchor < focus ? [anchor, focus] : [focus, anchor]
        const n = wordCount(motion, s, t)
        setAnnouncement(`Selected ${n} word${n === 1 ? '' : 's'}: ${quoteForSpeech(text.slice(s, t))}. Press C to cite.`)
      }
    },
    [body, article, motion, text, start, onSelected, articleId]
  )

  const release = useCallback(() => setPainted(null), [])
  const caret = painted && painted.articleId === articleId ? painted.box : null
  return { onKeyDown, caret, announcement, release, announce: setAnnouncement }
}
