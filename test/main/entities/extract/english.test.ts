import { describe, expect, it } from 'vitest'
import { extractMentions, extractParagraphMentions } from '../../../../src/main/entities/extract/index'
import { found } from './helpers'

// Invented names (in no list) so each test shows the rule itself at work.
describe('English rules', () => {
  it('organisation suffixes, and "of" inside names headed by Bank, University…', () => {
    expect(found('Shares of Zorvath Industries fell after Quellmark Corp. sued.')).toEqual(['org:Zorvath Industries', 'org:Quellmark Corp.'])
    // A given name first would make a person of it but for the suffix.
    expect(found('Shares of Jordan Vesk Holdings fell.')).toEqual(['org:Jordan Vesk Holdings'])
    expect(found('A loan from the Bank of Vantoria was repaid.')).toEqual(['org:Bank of Vantoria'])
  })

  it('a title before a name makes it a person and is left out of the span', () => {
    expect(found('We spoke to Senator Brindle Oakhart on the phone.')).toEqual(['person:Brindle Oakhart'])
    expect(found('Yesterday Zorvath Industries CEO Tamsin Yarrow resigned.')).toEqual(['org:Zorvath Industries', 'person:Tamsin Yarrow'])
  })

  it('a title may hold its portfolio ("Secretary of State"); a country there is still a place', () => {
    expect(found('Secretary of State Brindle Oakhart flew to Doha.')).toEqual(['person:Brindle Oakhart', 'place:Doha'])
    expect(found('Prime Minister of Canada Tamsin Yarrow was there.')).toEqual(['place:Canada', 'person:Tamsin Yarrow'])
  })

  it('words around an unknown name can make it a place', () => {
    expect(found('Fighting spread to the district of Jadrovan and near Kelvash, up the Morrow valley.')).toEqual([
      'place:Jadrovan',
      'place:Kelvash',
      'place:Morrow'
    ])
    expect(found('KABUL (Zorvath) - Talks began.')).toEqual(['place:KABUL', 'org:Zorvath'])
  })

  it('a name the text once puts somewhere is a place wherever the text names it bare', () => {
    expect(found('Gunmen ambushed a patrol in Zarvandi on Monday. Elders said Zarvandi would not be handed over.')).toEqual([
      'place:Zarvandi',
      'place:Zarvandi'
    ])
    // What is owned is not where: "a stake in" names a company.
    expect(found('Investors bought a stake in Velmoray last year, and Velmoray said profits rose.')).toEqual(['org:Velmoray', 'org:Velmoray'])
  })

  it('a small town keeps its map position only when no other country the text names argues against it', () => {
    const country = (text: string): (string | null)[] => extractMentions(text, 'en').map((m) => m.place?.country ?? null)
    expect(country('Fighters regrouped in Charikar on Monday.')).toEqual(['AF'])
    expect(country('Fighters regrouped in Charikar, officials in Kabul said.')).toEqual(['AF', 'AF'])
    // Still a place, keyed by its spelling, but not put in Afghanistan by a French story.
    expect(found('Fighters regrouped in Charikar, officials in Paris said.')).toEqual(['place:Charikar', 'place:Paris'])
    expect(country('Fighters regrouped in Charikar, officials in Paris said.')).toEqual([null, 'FR'])
  })

  it('a known given name starts a person', () => {
    expect(found('The deal was signed by Michael Quistorp in the morning.')).toEqual(['person:Michael Quistorp'])
  })

  it('initials make a person', () => {
    expect(found('The plan of Harlan T. Vesk was rejected.')).toEqual(['person:Harlan T. Vesk'])
  })

  it('countries, states and big towns from the gazetteer, with canonical names and coordinates', () => {
    const ms = extractMentions('Talks in the Russian Federation and Ohio moved to Toulouse.', 'en')
    expect(ms.map((m) => [m.kind, m.text, m.canonical])).toEqual([
      ['place', 'Russian Federation', 'Russia'],
      ['place', 'Ohio', 'Ohio'],
      ['place', 'Toulouse', 'Toulouse']
    ])
    expect(ms[0]!.place?.country).toBe('RU')
    // Drawn at Moscow, but not Moscow: no town id to group it with the capital.
    expect(ms[0]!.place?.geonameId).toBeUndefined()
    expect(ms[2]!.place).toMatchObject({ country: 'FR', geonameId: 2972315 })
    expect(ms[2]!.place!.lat).toBeCloseTo(43.6, 1)
    // The press's Washington and New York are the cities GeoNames names otherwise, not the states.
    const cities = extractMentions('Officials in Washington and New York met; Washington state and Ohio did not.', 'en')
    expect(cities[2]!.place?.lat).toBeCloseTo(47.0, 0)
    // A town under another spelling in print is the same town.
    const spelled = extractMentions('Drones hit Odesa and Kharkov; talks moved from Kiev to Odessa.', 'en')
    expect(spelled.map((m) => [m.text, m.canonical, m.place?.geonameId])).toEqual([
      ['Odesa', 'Odessa', 698740],
      ['Kharkov', 'Kharkiv', 706483],
      ['Kiev', 'Kyiv', 703448],
      ['Odessa', 'Odessa', 698740]
    ])
    // A town that large is a place before any rule reads a given name in it ("York").
    expect(found('It sold the unit to a New York City-based fund.')).toEqual(['place:New York City'])
    expect(cities.map((m) => [m.text, m.canonical, m.place?.geonameId])).toEqual([
      ['Washington', 'Washington, D.C.', 4140963],
      ['New York', 'New York City', 5128581],
      ['Washington', 'Washington', undefined],
      ['Ohio', 'Ohio', undefined]
    ])
  })

  it('a small town is a place unless the text knows the name as something else', () => {
    // Ruston, Louisiana has about 22,000 people.
    const ruston = extractMentions('He moved from Ruston last year.', 'en')
    expect(ruston.map((m) => `${m.kind}:${m.text}`)).toEqual(['place:Ruston'])
    expect(ruston[0]!.place?.country).toBe('US')
    expect(found('Senator Tamsin Ruston spoke. Then Ruston left.')).toEqual(['person:Tamsin Ruston', 'person:Ruston'])
    // A big town is a place even at a sentence start; a small one there is not known to be one.
    expect(found('Toulouse is warm. Ruston is not.')).toEqual(['place:Toulouse'])
  })

  it('nationality adjectives are places that resolve to their country', () => {
    const [m] = extractMentions('The Japanese economy shrank.', 'en')
    expect(m).toMatchObject({ kind: 'place', text: 'Japanese', canonical: 'Japan' })
  })

  it('possessives and "-based" are left out of spans', () => {
    expect(found("Quellmark Corp.'s profit rose at the Toulouse-based plant.")).toEqual(['org:Quellmark Corp.', 'place:Toulouse'])
  })

  it('a capitalised common word that only starts a sentence is not a name', () => {
    expect(found('Profits rose. Profits are what matter to Zorvath Industries.')).toEqual(['org:Zorvath Industries'])
  })

  it('a title-case headline is read by what the rest of the text knows', () => {
    expect(found('Zorvath Wins Tanker Deal From The Air Force In Ohio\n\nThe Air Force paid Zorvath in Ohio.')).toEqual([
      'org:Zorvath',
      'place:Ohio',
      'org:Air Force',
      'org:Zorvath',
      'place:Ohio'
    ])
  })

  it('months, days and function words split runs', () => {
    expect(found('On Monday Quellmark Corp. said nothing.')).toEqual(['org:Quellmark Corp.'])
    // A given name that is also a function word stays inside a name; a dense sentence is no headline.
    expect(found('Prime Minister Tamsin May met Quellmark Corp. in May.')).toEqual(['person:Tamsin May', 'org:Quellmark Corp.'])
  })
})

describe('document-level propagation', () => {
  it('a surname alone after the full name is the same person', () => {
    expect(found('Senator Brindle Oakhart spoke first. Later, Oakhart left.')).toEqual(['person:Brindle Oakhart', 'person:Oakhart'])
  })

  it('an organisation without its suffix is still the organisation', () => {
    expect(found('Quellmark Corp. sued. The suit by Quellmark was dismissed.')).toEqual(['org:Quellmark Corp.', 'org:Quellmark'])
  })

  it('a company named after a town keeps its name when it stands alone', () => {
    // Ruston is a town in the gazetteer; the full company name says which Ruston this is.
    expect(found('Shares of Ruston Motor Corp. fell. Ruston, the carmaker, blamed the yen.')).toEqual([
      'org:Ruston Motor Corp.',
      'org:Ruston'
    ])
  })

  it('an acronym in brackets after a name is that name', () => {
    expect(found('The Vantorian Wool Board (VWB) met. Later the VWB voted.')).toEqual(['org:Vantorian Wool Board', 'org:VWB', 'org:VWB'])
  })

  it('a name nothing explains is an organisation inside a sentence, and dropped at its start', () => {
    expect(found('They bought shares of Zelkova in May.')).toEqual(['org:Zelkova'])
    expect(found('Zelkova fell.')).toEqual([])
    expect(found('Zelkova fell. Analysts had warned Zelkova.')).toEqual(['org:Zelkova', 'org:Zelkova'])
  })

  it('a capitalised word the text also writes in lower case, or one before a number, is no name', () => {
    expect(found('They asked for Repair. Any repair costs money; see Chapter 11.')).toEqual([])
  })

  it('a capitalised adjective before the word it qualifies is no name, unless a verb follows', () => {
    expect(found('Farmers opposed a new Islamic regime. All Western forces left; Anti-Vantori fighters and the Islamist movement stayed.')).toEqual([])
    // Provinces, like a province, end a place's name.
    expect(found('Clashes spread to the Zorvath and Kesh Provinces.')).toContain('place:Kesh Provinces')
    // A name that the text tells nothing else about stays an organisation.
    expect(found('Shares of Mosaic rose, and Zorvic said no.')).toEqual(['org:Mosaic', 'org:Zorvic'])
  })

  it('a compass point after "the", alone, is a region', () => {
    expect(found('Ties between Zorvath and the West froze; the South agreed.')).toEqual(['org:Zorvath', 'place:West', 'place:South'])
    expect(found("The West's answer came late.")).toEqual(['place:West'])
    // An adjective is no region, and "the West Bank" is a name of its own.
    expect(found('Observers in the Western press and the West Bank agreed.')).toEqual(['place:West Bank'])
  })

  it('a body\'s name goes on with "for (the)" and the "of" after it', () => {
    expect(found('Fighters of the Vantori Front for the Liberation of Zorvath held out.')).toEqual(['org:Vantori Front for the Liberation of Zorvath'])
    expect(found('Reporters at the Kelmi Committee for Press Freedom agreed.')).toEqual(['org:Kelmi Committee for Press Freedom'])
    // Not after any word, not before a lower-case one, and only once.
    expect(found('They asked the Government for the Zorvath figures.')).not.toContain('org:Government for the Zorvath')
    expect(found('Then the Vantori Council for the third time said no.')).toEqual(['org:Vantori Council'])
  })

  it("a place named with its division's word is a place bare too, elsewhere in the text", () => {
    // Without "Zorvath Province", the bare names would be guessed organisations.
    expect(found('Officials said Zorvath and Kelmi saw no fighting. Elders in Zorvath Province and Kelmi Governorate met.')).toEqual([
      'place:Zorvath',
      'place:Kelmi',
      'place:Zorvath Province',
      'place:Kelmi Governorate'
    ])
    expect(found('Officials said Zorvath and Kelmi saw no fighting.')).toEqual(['org:Zorvath', 'org:Kelmi'])
    // A division's word alone, or a common word before it, teaches nothing.
    expect(found('The Northern Region said so. Northern farmers agreed.')).toEqual(['place:Northern Region'])
  })

  it('the words around a name can say it is a person', () => {
    expect(found('The plan came from defence analyst Quill Farrow today.')).toEqual(['person:Quill Farrow'])
    expect(found('Yet Quill Farrow, the finance minister, disagreed.')).toEqual(['person:Quill Farrow'])
    expect(found('"No," said Quill Farrow.')).toEqual(['person:Quill Farrow'])
    // A surname naming an office, even one that is also a small town's name (Ruston, Louisiana).
    expect(found('Critics of the Farrow administration met. The Ruston presidency ended.')).toEqual(['person:Farrow', 'person:Ruston'])
    // A group takes the article elsewhere too: its name stays what the text makes of it.
    expect(found('The Vantori said no. Under the Vantori administration, trade fell.')).toEqual(['org:Vantori', 'org:Vantori'])
  })

  it('a currency prefix is not the country, a group of nationals is not a place', () => {
    expect(found('It cost US$40 million, paid by Canadians.')).toEqual([])
  })
})

describe('extractParagraphMentions', () => {
  it('reads the article whole and answers per paragraph, offsets into each paragraph', () => {
    const paragraphs = ['Senator Brindle Oakhart met Quellmark Corp. officials.', 'Oakhart said Quellmark would pay.', 'Nothing here.']
    const per = extractParagraphMentions(paragraphs, 'en')
    expect(per.map((ms) => ms.map((m) => `${m.kind}:${m.text}`))).toEqual([
      ['person:Brindle Oakhart', 'org:Quellmark Corp.'],
      // Alone, this paragraph's sentence-initial "Oakhart" would be dropped.
      ['person:Oakhart', 'org:Quellmark'],
      []
    ])
    per.forEach((ms, i) => ms.forEach((m) => expect(paragraphs[i]!.slice(m.start, m.end)).toBe(m.text)))
    expect(found(paragraphs[1]!)).toEqual(['org:Quellmark'])
  })
})
