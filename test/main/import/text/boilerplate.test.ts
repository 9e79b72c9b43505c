import { describe, expect, it } from 'vitest'
import { classifyParagraph, isNavigationLine, markBoilerplate, normaliseLineForRepetition } from '../../../../src/main/import/text/boilerplate'

describe('classifyParagraph', () => {
  it.each([
    ['Follow us everywhere and at any time. For more news, follow our Google News, YouTube, Twitter and Facebook pages.', 'share'],
    ['Subscribe to our newsletter', 'share'],
    ['Share', 'share'],
    ['Read our stories on Facebook, Twitter, Telegram and YouTube: follow us for updates', 'share'],
    ['/ embed home page code /', 'embed'],
    ['/final embed code/', 'embed'],
    ['See also  Coastal towns count the cost of winter floods', 'see-also'],
    ['Read more: Wind farm operators warn of supply-chain squeeze', 'see-also'],
    ['Читайте также: Мост откроют в мае', 'see-also'],
    ['Leave a Reply', 'comment-form'],
    ['Your email address will not be published. Required fields are marked *', 'comment-form'],
    ['Back to top', 'back-to-top'],
    ['Our standards: Manifesto & ethical principles', 'standards'],
    ['© 2021 Example Wire Service. All rights reserved.', 'copyright'],
    ['View this email in your browser', 'newsletter'],
    ['You are receiving this email because you subscribed to the morning briefing.', 'newsletter'],
    ['Unsubscribe | Update your preferences', 'newsletter']
  ])('%s → %s', (text, kind) => {
    expect(classifyParagraph(text)).toBe(kind)
  })

  it('keeps story paragraphs', () => {
    for (const p of [
      'The minister said the talks would continue, and that he would follow the negotiations closely.',
      'Readers who subscribe to the theory say the evidence is overwhelming.',
      'Back in 2019, the top of the valley was still held by the resistance.'
    ]) {
      expect(classifyParagraph(p)).toBeNull()
    }
  })
})

describe('markBoilerplate', () => {
  it('takes navigation only before the headline, teasers after a bare "See also", and embed regions', () => {
    const paragraphs = [
      'All news',
      'Home > World > Asia',
      'Headline of the story',
      'First paragraph of the story, which is long enough to be content.',
      'see also',
      'Teaser headline for another story',
      'Home',
      '/ embed home page code /',
      'Some teaser',
      '/final embed code/',
      'Last paragraph of the story.'
    ]
    expect(markBoilerplate(paragraphs)).toEqual([
      'navigation',
      'navigation',
      null,
      null,
      'see-also',
      'see-also',
      null,
      'embed',
      'embed',
      'embed',
      null
    ])
  })

  it('finds an author bio (a name line and a quoted bio) before the closing furniture', () => {
    const marks = markBoilerplate(['Headline', 'Body one.', 'Body two.', 'Mara Velde', '"Coffee lover. Amateur sailor."', 'Leave a Reply', 'Back to top'])
    expect(marks).toEqual([null, null, null, 'author-bio', 'author-bio', 'comment-form', 'back-to-top'])
  })

  it('does not take a closing quotation for a bio when no name line precedes it', () => {
    const marks = markBoilerplate(['Headline', 'Body one.', 'The minister said:', '"We will not give up."'])
    expect(marks).toEqual([null, null, null, null])
  })
})

describe('isNavigationLine / normaliseLineForRepetition', () => {
  it('recognises navigation lines and breadcrumbs', () => {
    expect(isNavigationLine('All news')).toBe(true)
    expect(isNavigationLine('News » Politics » Europe')).toBe(true)
    expect(isNavigationLine('Talks stall in Vienna')).toBe(false)
  })

  it('folds case, digits, punctuation and spacing', () => {
    expect(normaliseLineForRepetition('  Follow   us on Twitter!  © 2021 ')).toBe('follow us on twitter 0')
    expect(normaliseLineForRepetition('Read more: 5 things')).toBe(normaliseLineForRepetition('read MORE — 12 things'))
  })
})
