import fc from 'fast-check'
import { parseHTML } from '../../../src/main/import/html/linkedom'
import { describe, expect, it } from 'vitest'
import { scanMarkup } from '../../../src/main/import/html/scan'

type Tree = { children: ArrayLike<Tree> }

/** A fragment in the document shell the importer gives linkedom (html/dom.ts). */
const page = (fragment: string): string => `<!DOCTYPE html><html><head></head><body>${fragment}</body></html>`

/** Elements linkedom builds for a page, and their deepest nesting (<html> is 1). */
function built(html: string): { elements: number; depth: number } {
  const { document } = parseHTML(html)
  let elements = 0
  let depth = 0
  const walk = (el: Tree, d: number): void => {
    elements++
    depth = Math.max(depth, d)
    for (const child of Array.from(el.children)) walk(child, d + 1)
  }
  walk(document.documentElement as unknown as Tree, 1)
  return { elements, depth }
}

// Pieces chosen to hit every rule the scan mirrors: raw text, comments, quoted attributes, `/>`
// in and out of SVG, integration points, implied ends, stray `</p>` and `</br>`.
const PIECES = [
  '<div>', '</div>', '<div/>', '<p>', '</p>', '<span>', '</span>', '<li>', '<ul>', '</ul>', '<br>', '</br>', '<br/>', '<img src=x>',
  '<script>', '</script>', '<script/>', '<style>', '</style>', '<title>', '</title>', '<textarea>', '<xmp>', '</xmp>',
  '<noscript>', '</noscript>', '<iframe>', '</iframe>', '<template>', '</template>', '<noembed>', '<noframes>', '<plaintext>',
  '<svg>', '</svg>', '<svg/>', '<g/>', '<path d="M0 0"/>', '<math>', '</math>', '<mi/>', '<desc>', '</desc>', '<foreignObject>',
  '<!--', '-->', '<!-->', '<!--->', '<![CDATA[', ']]>', '<!doctype x>', '<?pi ', '>',
  '<a title="', '<a title=\'', '"', "'", '<b class=x/>', '<i a=/>', '<div / >', '<tr>', '<td>', '<table>', '<option>', '<select>',
  'text ', '<', '</', '</ x>', '< p>', '<DIV>', '</SCRIPT>', '<scriptx>', '</scriptx>'
]

describe('scanMarkup', () => {
  it('never counts fewer elements or shallower nesting than linkedom builds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const html = page(pieces.join(''))
        const real = built(html)
        const scanned = scanMarkup(html)
        expect(scanned.elements, html).toBeGreaterThanOrEqual(real.elements)
        expect(scanned.depth, html).toBeGreaterThanOrEqual(real.depth)
      }),
      { numRuns: 3000, seed: 13 }
    )
  })

  it('counts exactly what linkedom builds for the cases the old guard got wrong', () => {
    for (const html of [
      '<div/><div/><div/><div/>',
      '<noscript><div><p>x</p></div></noscript>',
      '<iframe><b><i>x</i></b></iframe>',
      '<template><div><div></div></div></template>',
      '<script/><div><div></div></div></script>',
      '<a title="<script>"><div><div></div></div></a></script>',
      '<!--><div><div></div></div>',
      '<svg><path/><path/><path/></svg><div/><div/>',
      '</p></p></br></br>',
      // Raw text ends at its end tag in any case; a letter that lower-cases to two (İ) must not
      // shift where names are read (the whole page was once lower-cased and read by the original's offsets).
      '<SCRIPT>x</div></ScRiPt ><div><div></div></div>',
      `${'İ'.repeat(40)}<div><p>İ</p><style>p{}</STYLE><div></div></div>`
    ]) {
      expect(scanMarkup(page(html)), html).toEqual(built(page(html)))
    }
  })

  it('stops as soon as the caller says so', () => {
    let calls = 0
    const count = scanMarkup('<div/>'.repeat(150_000), (c) => ++calls > 0 && c.depth > 1000)
    expect(count.depth).toBe(1001)
    expect(calls).toBe(1001)
  })
})
