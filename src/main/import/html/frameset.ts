import { ImportError } from '../errors'
import { parseDocument, startTags, type DomDocument } from './dom'

/** How many frame sources a refusal names. */
const NAMED_FRAMES = 5

/**
 * A frameset page shows other files in its frames; its own text is only the `<noframes>`
 * fallback (or a `<body>` beside the frameset), which the parser leaves outside the document
 * body. Returns a document made of that text, the page itself when it has no frameset, or
 * refuses the page as `empty`, naming the frames to import instead. `html` is the markup `doc` was
 * parsed from.
 */
export function withoutFrameset(doc: DomDocument, html: string, fileName: string): DomDocument {
  // The markup tells whether there can be a frameset without a walk of the whole page.
  if (startTags(html, 'frameset', 1) === 0 || !doc.querySelector('frameset')) return doc
  // Outermost holders only: a <body> inside <noframes> is part of the noframes text.
  const holders = Array.from(doc.querySelectorAll('noframes, body')).filter((el) => !el.parentElement?.closest('noframes, body'))
  if (holders.some((el) => (el.textContent ?? '').trim() !== '')) {
    const text = holders.map((el) => el.innerHTML.replace(/<\/?body\b[^>]*>/gi, '')).join('\n')
    return parseDocument(`<!DOCTYPE html><html><head>${doc.head?.innerHTML ?? ''}</head><body>${text}</body></html>`)
  }
  const frames = Array.from(doc.querySelectorAll('frame[src]'))
    .map((f) => f.getAttribute('src')!)
    .filter((src) => src.trim() !== '')
  const named = frames.length === 0 ? '' : ` (${frames.slice(0, NAMED_FRAMES).join(', ')}${frames.length > NAMED_FRAMES ? ', …' : ''})`
  throw new ImportError('empty', `${fileName} is a frameset page without text of its own: its text is in the files its frames show${named}; import those instead`)
}
