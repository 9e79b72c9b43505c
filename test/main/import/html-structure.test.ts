import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseHtml } from '../../../src/main/import/formats/html'
import { articleContainer } from '../../../src/main/import/html/container'
import { parseDocument } from '../../../src/main/import/html/dom'

/** Hand-written pages in the shapes where extraction used to pick the wrong part of the page. */
const FIXTURES = join(__dirname, '../../fixtures/import/html/structure')

function body(fixture: string): string {
  const article = parseHtml(new Uint8Array(readFileSync(join(FIXTURES, fixture))), fixture)
  return article.paragraphs.map((p) => p.text).join('\n')
}

describe('article structure', () => {
  it('a blog post declared as entry-content survives its widget container; the header blurb and profile do not', () => {
    const text = body('blog-widget-post.html')
    expect(text).toContain('The price of washed gravel at the Millbrook pit')
    expect(text).toContain('a round trip of ninety miles')
    expect(text).not.toContain('retired haulier')
    expect(text).not.toContain('I drove tippers')
  })

  it('a flat blog page ends where its comment anchor begins', () => {
    const text = body('flat-comments.html')
    expect(text).toContain('the second vessel is back from its refit')
    expect(text).not.toMatch(/Saturday sailing|would not count on April/)
  })

  it('a comment anchor with too little text before it, or a link to the comments, cuts nothing', () => {
    const paragraph = 'The harbour board published its accounts for the year on Monday, showing a small surplus after two years of losses caused by the closure of the fish market.'
    const linkFirst = `<html><body><div class="content"><p><a href="#comments">3 comments</a></p><p>${paragraph}</p><p>${paragraph}</p></div></body></html>`
    expect(parseHtml(linkFirst, 'link.html').paragraphs).toHaveLength(2)
    const anchorFirst = `<html><body><div class="content"><a id="comments"></a><p>${paragraph}</p><p>${paragraph}</p></div></body></html>`
    expect(parseHtml(anchorFirst, 'anchor.html').paragraphs).toHaveLength(2)
    // An id that only contains the word is a heading slug, not the comment thread.
    const slug = `<html><body><div class="content"><p>${paragraph}</p><h2 id="comments-from-the-board">Comments from the board</h2><p>${paragraph.replace('Monday', 'Tuesday')}</p></div></body></html>`
    expect(parseHtml(slug, 'slug.html').paragraphs.map((p) => p.text).join('\n')).toContain('Tuesday')
  })

  it('an article cut into sibling blocks of one kind is read whole', () => {
    const text = body('page-builder-sections.html')
    expect(text).toContain('When we took over plot fourteen')
    expect(text).toContain('We write down what went in')
    expect(text).toContain('a row of dead lettuces')
    expect(text).not.toContain('monthly planting notes')
  })

  it('sibling blocks of one kind that are mostly links are teasers, not sections', () => {
    const article = 'The new footbridge opened on Saturday after eighteen months of work, linking the station car park to the market square without the detour round the ring road that shoppers used to take.'
    const teaser = (n: number): string =>
      `<div class="card"><p><a href="/s${n}">Another story from the same town, about the market and the station, number ${n} in the list of teasers</a></p></div>`
    const html = `<html><body><div class="cards"><div class="card"><p>${article}</p><p>${article}</p></div>${[1, 2, 3].map(teaser).join('')}</div></body></html>`
    expect(parseHtml(html, 'cards.html').paragraphs.map((p) => p.text)).toEqual([article, article])
  })

  it('the element a page declares as its article body is read whole, intro included', () => {
    const text = body('declared-body.html')
    expect(text).toContain('Forty years of logbooks from the Skerry Point light')
    expect(text).toContain('checked by two volunteers before it is saved')
    expect(text).not.toContain('Another story')
  })

  it('a page that repeats its <html> start tag is cleaned like any other', () => {
    const story = 'The county opened its new reading room in the old corn exchange on Saturday, with space for forty readers and the parish registers on open shelves for the first time.'
    const html = `<!DOCTYPE html>\n<html lang="en">\n<html xmlns="http://www.w3.org/1999/xhtml">\n<head><title>Reading room opens</title><meta name="author" content="Nell Adair"></head>
      <body><div class="post"><p>${story}</p><p>${story.replace('Saturday', 'Sunday')}</p>
      <div class="newsletter-box"><p>Every Friday our editors pick the week's best long reads and send them to you free, with no advertising at all.</p></div></div></body></html>`
    const doc = parseDocument(html)
    expect(doc.body!.textContent).toContain('corn exchange')
    expect(doc.querySelectorAll('html')).toHaveLength(1)
    const a = parseHtml(html, 'twice.html')
    expect(a.byline).toBe('Nell Adair')
    expect(a.paragraphs.map((p) => p.text)).toEqual([story, story.replace('Saturday', 'Sunday')])
  })

  it('other stories that Readability appends after the article container are left out', () => {
    const text = body('appended-stories.html')
    expect(text).toContain('The water company will replace the cast-iron mains')
    expect(text).toContain('the market will move to the station car park')
    expect(text).not.toMatch(/Councillors voted|library in the old corn exchange|pitches for three years/)
  })

  it('a closing list of other posts goes with its summaries, whatever its heading says', () => {
    const para = (n: number): string =>
      `<p>Paragraph ${n} of the post: we moved the compost bins to the shady corner of the plot, where they stay damp through the summer and the worms do most of the work for us.</p>`
    const teaser = (title: string, blurb: string): string => `<p><a href="/posts/${title.length}">${title}</a></p><p>${blurb}</p>`
    const html = `<html><body><div class="post-content">${[1, 2, 3, 4, 5].map(para).join('')}
      <h4>Elsewhere on the plot</h4>
      ${teaser('How we built the raised beds', 'Four sleepers, a borrowed drill and one long weekend in April, with notes on what we would change next time.')}
      ${teaser('A year of seed swaps', 'What we gave away, what came back, and why the bean exchange is now the busiest table at the spring fair.')}
      ${teaser('Winter jobs for the shed', 'Sharpen, oil, label and sort: the list we pin to the door every November before the frost arrives.')}
      </div></body></html>`
    const paragraphs = parseHtml(html, 'teasers.html').paragraphs.map((p) => p.text)
    expect(paragraphs).toHaveLength(5)
    expect(paragraphs.join('\n')).not.toMatch(/sleepers|seed swaps|bean exchange|frost arrives/)
  })

  it('links with descriptions inside the article, or followed by more reporting, stay', () => {
    const para = 'The parish council will publish the full list of grants on its website next week, along with the criteria each application was judged against.'
    const html = `<html><body><div class="post-content"><p>${para}</p><p>${para}</p><p>${para}</p>
      <h3>Where to apply</h3><p><a href="/grants/small">Small grants fund</a></p><p>For clubs and societies, up to five hundred.</p>
      <p><a href="/grants/heritage">Heritage fund</a></p><p>For repairs to listed buildings in the parish.</p>
      <p>${para.replace('next week', 'on Friday')} Applications close at the end of the month and late ones will not be read by the panel.</p></div></body></html>`
    expect(parseHtml(html, 'grants.html').paragraphs.map((p) => p.text).join('\n')).toContain('For repairs to listed buildings')
  })

  it('a label repeated block after block, as slideshows write one per slide, is kept once; a line said twice stays', () => {
    const text = body('slideshow-labels.html')
    expect(text.match(/the day in photographs/g)).toHaveLength(1)
    expect(text).toContain('a new safety boat')
    expect(text.match(/Row, row, row to the harbour wall\./g)).toHaveLength(2)
  })

  it('a linked heading over prose of its own heads a section; linked headings standing alone are teasers', () => {
    const text = body('linked-section-headings.html')
    expect(text).toContain('Copperline Compact Kettle')
    expect(text).toContain('Harbour Steel Kettle')
    expect(text).toContain('Fenwick Glass Kettle')
    expect(text).toContain('the quietest of the three')
    expect(text).toContain('Millpond Citric Descaler')
    expect(text).toContain('leaves no taste behind')
    expect(text).not.toMatch(/best toasters|keep tea hot/)
  })

  it('a page builder that classes every block as a widget with its own id is read whole, intro and link-heavy prose included', () => {
    const text = body('builder-widget-ids.html')
    expect(text).toContain('Most of the members who ask us about seed drills')
    expect(text).toContain('Start with the soil rather than the catalogue')
    // Inline links inside bare text must not cut a sentence into pieces.
    expect(text).toContain('barely run in, and the coulters (the discs that open the row) and the metering unit are the parts worth checking')
    expect(text).toContain('The co-op\'s machinery loan covers second-hand drills')
    expect(text).toContain('A new drill earns its price')
    expect(text).not.toMatch(/Ploughs|Balers/)
  })

  it('a furniture word joined to another by one underscore is a different class; alone or after BEM\'s double underscore it still marks furniture', () => {
    const paragraph = 'The county council approved the new bus timetable on Thursday, adding an hourly service to the villages north of the river that lost their last bus two winters ago.'
    const pros = ['Hourly buses until eight in the evening', 'Low-floor vehicles on every route']
    const list = `<ul>${pros.map((p) => `<li><div class="pc_meta">${p}</div></li>`).join('')}</ul>`
    const related = '<div class="related"><p>An older story about the ferry timetable that the council changed last spring after a long consultation with the parish councils.</p></div>'
    // BEM's double underscore still separates: story__share is a share bar.
    const share = '<div class="story__share"><p>Send this story to a friend who rides the buses</p></div>'
    const html = `<html><body><article><p>${paragraph}</p>${list}${share}<p>${paragraph.replace('Thursday', 'Friday')}</p>${related}</article></body></html>`
    const text = parseHtml(html, 'pros.html').paragraphs.map((p) => p.text).join('\n')
    for (const p of pros) expect(text).toContain(p)
    expect(text).not.toContain('ferry timetable')
    expect(text).not.toContain('Send this story')
  })

  it('paragraphs directly in <body> are the article, and nothing above the body is read to decide it (a head script can be megabytes)', () => {
    const paragraph = 'The harbour board voted on Tuesday to dredge the outer channel before the winter storms, after two grain ships ran aground there in a single week.'
    const doc = parseDocument(`<html><head><title>Dredging</title><script>var ready = true;</script></head><body><p>${paragraph}</p><p>${paragraph.replace('Tuesday', 'Wednesday')}</p></body></html>`)
    Object.defineProperty(doc.head, 'textContent', {
      get() {
        throw new Error('the head was read')
      }
    })
    expect(articleContainer(doc.body!, doc.body!)).toBe(doc.body)
  })
})
