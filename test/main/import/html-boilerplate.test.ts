import { describe, expect, it } from 'vitest'
import { isBoilerplateParagraph, isNavigationLine, trimTail } from '../../../src/main/import/html/boilerplate'
import { furnitureReason } from '../../../src/main/import/html/prune'
import { parseDocument } from '../../../src/main/import/html/dom'

describe('isBoilerplateParagraph', () => {
  it.each([
    'Share this article',
    'Follow us on Twitter and Facebook for the latest updates.',
    'Sign up for our free newsletter, delivered to your inbox every weekday morning.',
    'See also: Ministers meet on border crossings',
    'Leave a Reply',
    'Your email address will not be published. Required fields are marked *',
    'Back to top',
    'Image copyright Getty Images',
    'Photo: Lena Voss/Coastal Ledger',
    'Advertisement',
    'Story continues below advertisement',
    '© 2023 The Coastal Ledger. All rights reserved.',
    'Tags: ports, unions',
    'By Justine Coleman - 11/18/19 11:04 PM EST',
    'By Jane Doe and John Roe',
    '| UPDATED: 11:05, Tue, Nov 19, 2019',
    'Image 3 of 5',
    'This slideshow requires JavaScript.',
    'Читайте также: Власти района отчитались о паводке',
    'Поделиться',
    'Lesen Sie auch: Die Pegel sinken wieder',
    'Foto: Archiv',
    'Nov. 20, 2019, 9:28 AM UTC',
    'sexta-feira, 22 de outubro de 2010 às 20:13',
    '18 NOV 2019',
    '(Reporting by Ana Reyes; Editing by Tom Hale)',
    'Kai Brandt contributed reporting from Lisbon.',
    'Write to Ana Reyes at ana.reyes@example.test',
    'twitter.com/anareyes',
    'Caption',
    '1 of 6',
    'Tempo de leitura: 2 minutos',
    'This post may contain affiliate links. Please see my disclosure page.'
  ])('drops %j', (text) => {
    expect(isBoilerplateParagraph(text)).toBe(true)
  })

  it.each([
    'By Sunday, the fires had spread to three counties.',
    'The report, published in 2019, found that rents rose faster than wages.',
    'Officials said they would share the findings with the committee next week.',
    'Comments from residents at the meeting were overwhelmingly negative.',
    `Follow-up talks are planned for March. ${'The ministry gave no further details. '.repeat(8)}`,
    'Updated figures will be released on Friday, the statistics office said, after a delay caused by the strike.',
    'Фото из архива показывает, что мост уже затапливало в 1998 году.',
    'Video footage shared online showed the bridge partly under water.',
    '4:14 p.m.',
    '12.5 13.1 14.0',
    'On 20 November 2019 at 9:28, the ferry left port.'
  ])('keeps %j', (text) => {
    expect(isBoilerplateParagraph(text)).toBe(false)
  })

  it('recognises a pipe-separated menu as navigation', () => {
    expect(isNavigationLine('Home | News | Sport | Business')).toBe(true)
    expect(isNavigationLine('Prices rose 3% | the highest since 2008 according to the national statistics office')).toBe(false)
  })
})

describe('trimTail', () => {
  const body = ['One.', 'Two.', 'Three.', 'Four.']
  it('cuts at a related-stories heading in the second half', () => {
    expect(trimTail([...body, 'More Great WIRED Stories', 'Another story'])).toEqual(body)
  })
  it('never cuts on a heading shaped "About <Name>": in a list of picks it introduces an item', () => {
    const picks = [...body, 'Picked by Ines', 'About Tideline Saints', 'A drowned city and the divers who map it.', 'Read Tideline Saints', 'Picked by Oren', 'About The Salt Clock', 'A clockmaker who can stop the tides.']
    expect(trimTail(picks)).toEqual(picks)
  })
  it('keeps reporting that follows an inline "Read also" teaser', () => {
    const prose = 'Returning to the remake, the working title is fixed and the first season should have twelve episodes, each of them adapting one arc of the original comic, the producers said on Monday.'
    const withTeaser = [...body, 'Read also', prose]
    expect(trimTail(withTeaser)).toEqual(withTeaser)
    expect(trimTail([...body, 'Tags', 'ports, unions, shipping, strikes, harbour, pay deals, inflation, cranes, lorries, tiles, builders, fruit, timber, ferries, storms, councils, timetables, anchorages, quays, chambers, commerce, retail, shortages'])).toEqual(body)
  })

  it('cuts at headings in the other languages of the archive', () => {
    expect(trimTail([...body, 'Читайте также', 'Паводок отступает'])).toEqual(body)
    expect(trimTail([...body, 'Mehr zum Thema:', 'Ein anderer Artikel'])).toEqual(body)
  })

  it('leaves an early heading of the same words alone', () => {
    const early = ['Related', ...body, 'Five.', 'Six.']
    expect(trimTail(early)).toEqual(early)
  })
})

describe('furnitureReason', () => {
  const el = (html: string) => parseDocument(`<html><body>${html}</body></html>`).body!.firstElementChild!
  it('matches whole words in class names, so commentary is not a comment thread', () => {
    expect(furnitureReason(el('<div class="commentary-body">x</div>'))).toBeNull()
    expect(furnitureReason(el('<div class="comment-list">x</div>'))).not.toBeNull()
    expect(furnitureReason(el('<div class="articleShareBar">x</div>'))).not.toBeNull()
    expect(furnitureReason(el('<div id="story-body">x</div>'))).toBeNull()
  })
  it('flags hidden elements and landmark roles', () => {
    expect(furnitureReason(el('<div style="display: none">x</div>'))).toBe('hidden')
    expect(furnitureReason(el('<div aria-hidden="true">x</div>'))).toBe('hidden')
    expect(furnitureReason(el('<div role="navigation">x</div>'))).toBe('role=navigation')
  })
})
