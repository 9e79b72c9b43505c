import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { addSourceAlias, ensureSource } from '../../../src/main/archive/repo/sources'
import { BOILERPLATE_MIN_ARTICLES } from '../../../src/main/import/dedupe/boilerplate'
import type { StoreOutcome } from '../../../src/main/import/store'
import { storeParagraphs } from '../../support/store-paragraphs'
import { tempArchive } from '../../support/tmp'

const FOOTER = 'Follow Northwind News on Telegram for breaking updates'
const COPYRIGHT = (year: number): string => `© ${year} Northwind News. All rights reserved.`

function store(archive: ReturnType<typeof tempArchive>, outlet: string | null, paragraphs: string[], url: string | null = null): StoreOutcome {
  return storeParagraphs(archive, paragraphs, { outlet, url })
}

const VOCABULARY =
  'river council bridge harvest storm ministry school budget court railway harbour election museum drought festival factory vaccine border mayor strike'.split(' ')

/** A body paragraph whose word sequence no other story's shares (so stories are not near-duplicates). */
function body(n: number): string {
  const words = Array.from({ length: 14 }, (_, i) => VOCABULARY[(n * 7 + i * (n + 3)) % VOCABULARY.length])
  return `Story ${n}: ${words.join(' ')}.`
}

function paragraphsOf(archive: ReturnType<typeof tempArchive>, outcome: StoreOutcome): string[] {
  if (outcome.status !== 'added') throw new Error('not added')
  return getArticle(archive.db, outcome.id).paragraphs.map((p) => p.text)
}

describe('outlet boilerplate memory', () => {
  it(`drops a furniture line from the ${BOILERPLATE_MIN_ARTICLES.furniture}rd article of one outlet on and cleans the earlier ones, years folded`, () => {
    const archive = tempArchive()
    const first = store(archive, 'Northwind News', [body(1), FOOTER, COPYRIGHT(2021)])
    const second = store(archive, 'Northwind News', [body(2), FOOTER, COPYRIGHT(2022)])
    const third = store(archive, 'Northwind News', [body(3), FOOTER, COPYRIGHT(2023)])
    const fourth = store(archive, 'Northwind News', [FOOTER, body(4)])
    expect(second).toMatchObject({ boilerplateDropped: 0, cleaned: null })
    expect(paragraphsOf(archive, first)).toEqual([body(1)])
    expect(paragraphsOf(archive, second)).toEqual([body(2)])
    expect(paragraphsOf(archive, third)).toEqual([body(3)])
    expect(third).toMatchObject({
      boilerplateDropped: 2,
      cleaned: { cleanedIds: [(first as { id: number }).id, (second as { id: number }).id], paragraphs: 4 }
    })
    expect(paragraphsOf(archive, fourth)).toEqual([body(4)])
    expect(fourth).toMatchObject({ boilerplateDropped: 1, cleaned: null })
    // Offsets still index the clean text after paragraphs were dropped.
    const detail = getArticle(archive.db, (fourth as { id: number }).id)
    expect(detail.text).toBe(body(4))
    expect(detail.paragraphs[0]).toMatchObject({ ordinal: 1, start: 0, end: body(4).length })
  })

  it('keeps repetition of one outlet from affecting another, and follows outlet aliases', () => {
    const archive = tempArchive()
    const tass = ensureSource(archive.db, 'TASS')
    addSourceAlias(archive.db, tass, 'ТАСС')
    store(archive, 'TASS', [body(1), FOOTER])
    store(archive, 'ТАСС', [body(2), FOOTER])
    const other = store(archive, 'Southern Courier', [body(3), FOOTER])
    const third = store(archive, 'tass', [body(4), FOOTER])
    expect(paragraphsOf(archive, other)).toEqual([body(3), FOOTER])
    expect(paragraphsOf(archive, third)).toEqual([body(4)])
    expect(third).toMatchObject({ cleaned: { paragraphs: 2 } })
  })

  it('uses the URL host when the outlet is unknown, and never empties an article', () => {
    const archive = tempArchive()
    for (let i = 1; i <= 2; i++) store(archive, null, [body(i), FOOTER], `https://www.northwind.example/news/${i}`)
    const third = store(archive, null, [body(3), FOOTER], 'https://northwind.example/news/3')
    expect(paragraphsOf(archive, third)).toEqual([body(3)])
    const onlyFooter = store(archive, null, [FOOTER], 'https://northwind.example/news/4')
    expect(paragraphsOf(archive, onlyFooter)).toEqual([FOOTER])
    const noKey = [101, 102, 103].map((n) => store(archive, null, [body(n), FOOTER]))
    expect(paragraphsOf(archive, noKey[2]!)).toContain(FOOTER)
  })

  it('does not take a footer repeated by one outlet for wire copy, but links the same words across outlets', () => {
    const archive = tempArchive()
    const footer = 'Follow Northwind News on Telegram and subscribe to our evening newsletter for breaking updates from the valley'
    const first = store(archive, 'Northwind News', [body(1), footer])
    const second = store(archive, 'Northwind News', [body(2), footer])
    const elsewhere = store(archive, 'Southern Courier', [body(3), footer])
    expect(second).toMatchObject({ status: 'added', nearDuplicates: [] })
    expect(elsewhere).toMatchObject({
      status: 'added',
      nearDuplicates: [
        { otherId: (first as { id: number }).id, sharedParagraphs: 1 },
        { otherId: (second as { id: number }).id, sharedParagraphs: 1 }
      ]
    })
  })

  it('never treats a long repeated paragraph as boilerplate', () => {
    const archive = tempArchive()
    const background = Array.from({ length: 60 }, (_, i) => `background${i}`).join(' ')
    const outcomes = [1, 2, 3, 4].map((i) => store(archive, 'Northwind News', [body(i), background]))
    expect(paragraphsOf(archive, outcomes[3]!)).toEqual([body(4), background])
  })
})

describe('furniture and copy', () => {
  // A share bar and a pitch, as an outlet sets them under every story.
  const SHARE = 'Share this story: Facebook | X | WhatsApp | Email'
  const PITCH = 'Sign up for the morning briefing and get the day’s top stories in your inbox.'
  // What an agency repeats across dispatches on one story: a background sentence and a quote.
  const BACKGROUND = 'The Halvard dam, completed in 1968, holds back the largest body of fresh water in the province.'
  const QUOTE = '“We expect the river to crest on Thursday night,” said Ines Berg, a spokeswoman for the water board.'

  it('learns furniture on its third article, copy only once many articles of the outlet repeat it', () => {
    const archive = tempArchive()
    const outcomes: StoreOutcome[] = []
    const next = (): StoreOutcome => {
      const outcome = store(archive, 'Northwind News', [SHARE, body(outcomes.length + 1), BACKGROUND, QUOTE, PITCH])
      outcomes.push(outcome)
      return outcome
    }
    while (outcomes.length < BOILERPLATE_MIN_ARTICLES.furniture) next()
    expect(paragraphsOf(archive, outcomes[0]!)).toEqual([body(1), BACKGROUND, QUOTE])
    expect(paragraphsOf(archive, outcomes.at(-1)!)).toEqual([body(3), BACKGROUND, QUOTE])
    // Copy repeated by the outlet links its articles (naming the paragraphs) instead of being dropped.
    while (outcomes.length < BOILERPLATE_MIN_ARTICLES.copy - 1) next()
    const ninth = outcomes.at(-1)! as Extract<StoreOutcome, { status: 'added' }>
    expect(paragraphsOf(archive, ninth)).toEqual([body(9), BACKGROUND, QUOTE])
    expect(ninth.nearDuplicates).toHaveLength(BOILERPLATE_MIN_ARTICLES.copy - 2)
    expect(ninth.nearDuplicates[0]!.paragraphs).toEqual([
      { ordinal: 2, otherOrdinal: 2 },
      { ordinal: 3, otherOrdinal: 3 }
    ])
    next()
    // Repeated by every article, it has become a fixture of the outlet: dropped, earlier ones cleaned, links gone.
    const last = outcomes.at(-1)!
    expect(paragraphsOf(archive, last)).toEqual([body(BOILERPLATE_MIN_ARTICLES.copy)])
    expect(last).toMatchObject({ cleaned: { paragraphs: 2 * (BOILERPLATE_MIN_ARTICLES.copy - 1) } })
    expect(paragraphsOf(archive, outcomes[0]!)).toEqual([body(1)])
    expect(archive.db.prepare('SELECT count(*) FROM near_duplicates').pluck().get()).toBe(0)
    expect(archive.db.prepare('SELECT count(*) FROM near_duplicate_paragraphs').pluck().get()).toBe(0)
  })
})
