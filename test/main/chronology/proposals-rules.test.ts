/**
 * The English resolution rules of the proposal extractor, one family per block, on sentences
 * written for these tests. The reference is Wednesday 16 October 2019 unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest'
import { extractDateCandidates, type ReferenceDate } from '../../../src/main/chronology/proposals/extract'
import { clauseDirection } from '../../../src/main/chronology/proposals/tense'

const WED = { year: 2019, month: 10, day: 16 }

function dates(text: string, ref: ReferenceDate | null = WED): string[] {
  return extractDateCandidates(text, { reference: ref, language: 'en' }).map((c) => c.edtf)
}

function pairs(text: string, ref: ReferenceDate = WED): [string, string][] {
  return extractDateCandidates(text, { reference: ref, language: 'en' }).map((c) => [c.expression, c.edtf])
}

describe('tense decides the year of a month or day written without one', () => {
  it('reads the verb nearest the date', () => {
    expect(clauseDirection('The museum reopened in December', 28)).toBe('past')
    expect(clauseDirection('The museum will reopen in December', 28)).toBe('future')
    expect(clauseDirection('The mayor said on Friday that the bridge will close', 18)).toBe('past')
    expect(clauseDirection('The vote is scheduled for Friday', 26)).toBe('future')
    expect(clauseDirection('The deal should be finalized by June 3', 32)).toBe('future')
    expect(clauseDirection('The bakery sells bread in May', 26)).toBeNull()
  })

  it('puts a past month in the most recent year, a future one in the next', () => {
    expect(dates('The canal froze over in November.')).toEqual(['2018-11'])
    expect(dates('The canal is expected to freeze in November.')).toEqual(['2019-11'])
    expect(dates('The orchard was planted in March.')).toEqual(['2019-03'])
    expect(dates('The orchard will be planted in March.')).toEqual(['2020-03'])
    expect(dates('The ferry resumed service on December 2.')).toEqual(['2018-12-02'])
    expect(dates('The ferry may resume service on October 20.')).toEqual(['2019-10-20'])
  })

  it('falls back to six months around the reference when the clause has no tense', () => {
    expect(dates('Tickets for the harvest fair in December.')).toEqual(['2019-12'])
    expect(dates('Tickets for the harvest fair in May.')).toEqual(['2019-05'])
  })

  it('reads weekdays forwards in a future clause and backwards otherwise', () => {
    expect(dates('The hearing is set to resume on Friday.')).toEqual(['2019-10-18'])
    expect(dates('The road stays closed until Monday.')).toEqual(['2019-10-21'])
    expect(dates('The hearing resumed on Friday.')).toEqual(['2019-10-11'])
    expect(dates('The council met on Wednesday.')).toEqual(['2019-10-16'])
  })
})

describe('last, next and this', () => {
  it('moves a month to the one before or after the reference month', () => {
    expect(dates('The pianist died last June.')).toEqual(['2019-06'])
    expect(dates('The pianist died last November.')).toEqual(['2018-11'])
    expect(dates('The festival returns next May.')).toEqual(['2020-05'])
    expect(dates('The festival moved this July.')).toEqual(['2019-07'])
  })

  it('reads "October of next year" as one date', () => {
    expect(pairs('Leases that lapse after March of next year go to auction.')).toEqual([['March of next year', '2020-03']])
    expect(pairs('Leases that lapsed in March of last year went to auction.')).toEqual([['March of last year', '2018-03']])
  })

  it('applies a modifier inside a part of a month', () => {
    expect(dates('The boat vanished in late last July.')).toEqual(['2019-07-21~/2019-07-31~'])
  })

  it('reads relative units at their own precision', () => {
    expect(dates('Rents will rise next year.')).toEqual(['2020'])
    expect(dates('Rents rose last year.')).toEqual(['2018'])
    expect(dates('The mill reopens next month.')).toEqual(['2019-11'])
    expect(dates('The mill closed four years ago.')).toEqual(['2015'])
    expect(dates('The mill closed a year ago.')).toEqual(['2018'])
    expect(dates('The mill closed three months ago.')).toEqual(['2019-07'])
    expect(dates('Next week, the pier reopens.')).toEqual(['2019-10-21~/2019-10-27~'])
  })

  it('keeps counted spans and event-relative offsets out', () => {
    expect(dates('Prices doubled over the past three years.')).toEqual([])
    expect(dates('The guests arrived an hour before the speech.')).toEqual([])
    expect(dates('The tunnel opened one year after the strike ended.')).toEqual([])
    expect(dates('Crime fell compared with the same period last year.')).toEqual([])
    expect(dates('More plans will follow in the weeks ahead.')).toEqual([])
    expect(dates('The gains of these past years must not be lost.')).toEqual([])
    expect(dates('The pact was signed several years ago.')).toEqual([])
  })
})

describe('relational expressions', () => {
  it('takes "the same day" and "that day" from the day named before', () => {
    expect(pairs('The ship docked on 3 October. Customs searched it the same day.')).toEqual([
      ['on 3 October', '2019-10-03'],
      ['the same day', '2019-10-03']
    ])
    expect(pairs('Storms hit the coast on Monday. Later that day the port shut.')).toEqual([
      ['on Monday', '2019-10-14'],
      ['Later that day', '2019-10-14']
    ])
    expect(dates('Customs searched it that day.')).toEqual([])
    expect(pairs('The minister resigned earlier today.')).toEqual([['today', '2019-10-16']])
    expect(pairs('The board met this morning.')).toEqual([['this morning', '2019-10-16']])
    expect(dates('Dew forms on the grass every morning.')).toEqual([])
  })

  it('dates the trading day of a market report from the day named, else the dispatch', () => {
    expect(pairs('Copper rallied on Tuesday. The metal ended the day 2% higher.')).toEqual([
      ['on Tuesday', '2019-10-15'],
      ['ended the day', '2019-10-15']
    ])
    expect(dates('The index slipped early but recovered late in the day.')).toEqual(['2019-10-16'])
  })

  it('counts years from the date named before in the sentence, else the dispatch', () => {
    expect(pairs('Exports fell 8% in 2016 from the previous year.')).toEqual([
      ['in 2016', '2016'],
      ['the previous year', '2015']
    ])
    expect(dates('Exports fell 8% from the previous year.')).toEqual(['2018'])
    expect(pairs('The dam was finished in 2004 and flooded the following year.')).toEqual([
      ['in 2004', '2004'],
      ['the following year', '2005']
    ])
    expect(pairs('The band split in 1998. That year the label folded.')).toEqual([
      ['in 1998', '1998'],
      ['That year', '1998']
    ])
    expect(dates('Profits are forecast to recover by the end of the year.')).toEqual(['2019'])
    expect(pairs('Orders in August were 4% below the same month a year ago.')).toEqual([
      ['August', '2019-08'],
      ['the same month a year ago', '2018-08']
    ])
  })
})

describe('years', () => {
  it('reads a year after a preposition', () => {
    expect(dates('The station has been silent since 1987.')).toEqual(['1987'])
    expect(dates('The line should be electrified by 2030.')).toEqual(['2030'])
    expect(dates('It was the worst harvest of 2012.')).toEqual(['2012'])
  })

  it('reads a year used as a modifier', () => {
    expect(dates('Critics cite the 1979 treaty as the cause.')).toEqual(['1979'])
    expect(dates('Its 2014 model sold poorly.')).toEqual(['2014'])
    expect(dates('He recalled 2008’s crash.')).toEqual(['2008'])
  })

  it('leaves counts, money and decades alone', () => {
    expect(dates('The rally drew 2000 people.')).toEqual([])
    expect(dates('The victory margin was 1900 votes.')).toEqual([])
    expect(dates('A ticket costs $2019 now.')).toEqual([])
    expect(dates('Music of the 1990s filled the hall.')).toEqual([])
    expect(dates('Nobody wants a return to the 1970’s inflation.')).toEqual([])
    expect(dates("Prices rose as in the early 1980's.")).toEqual([])
    expect(dates('The index rose to 2016.5 points.')).toEqual([])
  })

  it('gives both ends of a year range', () => {
    expect(dates('Reactors will be built from 2021 to 2025.')).toEqual(['2021', '2025'])
    expect(dates('Trials ran between 2003 and 2006.')).toEqual(['2003', '2006'])
    expect(dates('The 2011-2012 drought killed cattle.')).toEqual(['2011', '2012'])
    expect(dates('The survey of 1961-62 mapped the glacier.')).toEqual(['1961', '1962'])
  })

  it('keeps life spans out', () => {
    expect(dates('The painter Ada Vos (1911-1987) lived here.')).toEqual([])
  })

  it('reads parts of a year as approximate months', () => {
    expect(dates('The plant opened in early 2009.')).toEqual(['2009-01~/2009-04~'])
    expect(dates('The plant opened in mid-2009.')).toEqual(['2009-05~/2009-08~'])
    expect(dates('The plant closed in late 2009.')).toEqual(['2009-09~/2009-12~'])
    expect(dates('Debt had doubled by the end of 2009.')).toEqual(['2009-10~/2009-12~'])
  })
})

describe('clock times', () => {
  it('puts a time with no date in its sentence on the day named before, else the dispatch day', () => {
    expect(dates('At 0930 UTC the auction opened.')).toEqual(['2019-10-16T09:30Z'])
    expect(dates('At 14:10 GMT the auction closed.')).toEqual(['2019-10-16T14:10Z'])
    expect(pairs('The rescue began on 12 October. At 0645 UTC the first crew landed.')).toEqual([
      ['on 12 October', '2019-10-12'],
      ['0645 UTC', '2019-10-12T06:45Z']
    ])
  })

  it('still leaves a bare 12-hour time without a date', () => {
    expect(dates('The band plays at 9:30.')).toEqual([])
  })
})

describe('names that look like dates', () => {
  it('skips weekday abbreviations and lowercase readings', () => {
    expect(dates('Analysts expect Sun to report higher sales.')).toEqual([])
    expect(dates('The minister sat down with the strikers.')).toEqual([])
    expect(dates('Shares of Sun rose.')).toEqual([])
  })

  it('skips weekdays and "Today" inside names', () => {
    expect(dates('Markets still remember what traders call "Bloody Friday" as a warning.')).toEqual([])
    expect(dates('The crash is known as Black Tuesday among brokers.')).toEqual([])
    expect(dates('She wrote a column for Harbour Today about the vote.')).toEqual([])
  })

  it('keeps weekdays after a place or a name that is not a name of the day', () => {
    expect(dates('Rain fell across Norway and Sweden Monday.')).toEqual(['2019-10-14'])
    expect(dates('The court in Leeds on Monday jailed him.')).toEqual(['2019-10-14'])
    expect(dates('At 15:00 GMT Saturday the gates opened.')).toEqual(['2019-10-12T15:00Z'])
  })

  it('skips a month heading a named event, and month names written as words', () => {
    expect(dates('The march drew a crowd and it may rain.')).toEqual([])
    expect(dates('Thousands joined the annual March for Peace downtown.')).toEqual([])
    expect(dates('Elections held in March for the council were annulled.')).toEqual(['2019-03'])
  })
})

describe('what stays out', () => {
  it('does not propose datelines, durations or life spans', () => {
    expect(dates('OSLO, Oct. 16 -- The fjord ferry sank for the second time in 20 years.')).toEqual([])
    expect(dates('The siege lasted for two years.')).toEqual([])
  })
})
