import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articleGroupKeys, nameGroupKey, nameWords, type FoundMention } from '../../../src/main/entities/group'

function person(text: string, start = 0): FoundMention {
  return { start, end: start + text.length, text, kind: 'person', canonical: null, place: null }
}

describe('grouping keys', () => {
  it('gives the spellings of one name in Latin and Cyrillic one key (golden)', () => {
    const golden: [Parameters<typeof nameGroupKey>[0], string[], string][] = [
      ['person', ['Massoud', 'Masood', 'Masoud', 'Масуд', 'Массуд', 'MASSOUD'], 'misud'],
      ['place', ['Baghlan', 'Baglan', 'Баглан'], 'baglan'],
      ['person', ['Ahmad Shah Massoud', 'Ahmad Shah Masood', 'Ахмад Шах Масуд'], 'ahmid sih misud'],
      ['person', ['Khrushchev', 'Khrouchtchev', 'Хрущёв'], 'hrusiv'],
      ['person', ['Mikhail Zakharova', 'Михаил Захарова'], 'mihil zihiruvi'],
      ['person', ["President Massoud's", 'Gen. Massoud', 'Commander Massoud', 'Генерал Масуд'], 'misud'],
      // A person's a, e and i after a word's first letter are one: Ahmad and Ahmed, a Russian name and its genitive.
      ['person', ['Ahmad Massoud', 'Ahmed Masoud', 'Ахмад Масуд'], 'ahmid misud'],
      ['person', ['Muhammad', 'Mohammed', 'Mohammad'], 'muhimid'],
      ['person', ['Оксана Янченко', 'Оксаны Янченко'], 'uksini insinku'],
      ['org', ['the Taliban', 'Taliban', 'Талибан'], 'taliban']
    ]
    for (const [kind, names, key] of golden) {
      for (const name of names) expect(nameGroupKey(kind, name), name).toBe(key)
    }
  })

  it('keeps names apart that are not spellings of each other', () => {
    expect(nameGroupKey('person', 'Massoud')).not.toBe(nameGroupKey('person', 'Mansour'))
    expect(nameGroupKey('place', 'Baghlan')).not.toBe(nameGroupKey('place', 'Baghdad'))
    // Only people's vowels are folded: a place or an organisation keeps them.
    expect(nameGroupKey('org', 'Zandar Bank')).not.toBe(nameGroupKey('org', 'Zender Bank'))
  })

  it('drops titles only before the name, never the whole name', () => {
    expect(nameWords('person', 'Prime Minister Rana Adel')).toEqual(['Rana', 'Adel'])
    expect(nameWords('person', 'the King')).toEqual(['the', 'King'])
    expect(nameWords('person', 'President')).toEqual(['President'])
    expect(nameWords('place', 'Mayor')).toEqual(['Mayor'])
  })

  it("drops a place's division word after its name, only a place's and never the whole name", () => {
    const zorvath = nameGroupKey('place', 'Zorvath')
    for (const spelling of ['Zorvath Province', 'Zorvath province', "Zorvath Province's", 'Zorvath Provinces', 'Zorvath Governorate']) {
      expect(nameGroupKey('place', spelling)).toBe(zorvath)
    }
    expect(nameWords('place', 'Province')).toEqual(['Province'])
    expect(nameWords('place', 'Zorvath Valley')).toEqual(['Zorvath', 'Valley'])
    expect(nameWords('org', 'Zorvath Region')).toEqual(['Zorvath', 'Region'])
  })

  it('joins a lone surname to the one full name with it in the same article, not to two', () => {
    const one = [person('Ahmad Shah Massoud', 0), person('Masood', 30), person('Karimi', 50)]
    expect(articleGroupKeys(one)).toEqual(['ahmid sih misud', 'ahmid sih misud', 'kirimi'])
    const two = [person('Ahmad Massoud', 0), person('Yusuf Masood', 20), person('Massoud', 40)]
    expect(articleGroupKeys(two)[2]).toBe('misud')
  })

  it('is the same whatever the case, a leading title or a trailing possessive (property)', () => {
    // No title starts with Z, so every generated word is part of the name.
    const word = fc.stringMatching(/^Z[a-z]{2,9}$/)
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom('Mr', 'President', 'Gen.', 'Sheikh'), (ws, title) => {
        const name = ws.join(' ')
        const key = nameGroupKey('person', name)
        expect(nameGroupKey('person', name.toUpperCase())).toBe(key)
        expect(nameGroupKey('person', `${title} ${name}`)).toBe(nameGroupKey('person', `${title} ${name}`.replace(`${title} `, '')))
        expect(nameGroupKey('person', `${name}'s`)).toBe(key)
        expect(key.split(' ')).toHaveLength(ws.length)
      })
    )
  })
})
