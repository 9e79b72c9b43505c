import { describe, expect, it } from 'vitest'
import { extractMentions } from '../../../../src/main/entities/extract/index'
import { russianForms } from '../../../../src/main/entities/extract/ru-forms'
import { found } from './helpers'

describe('Russian rules', () => {
  it('places in any case resolve to the nominative', () => {
    const ms = extractMentions('Делегация прилетела из Москвы в Новосибирск, а затем в Германию.', 'ru')
    expect(ms.map((m) => [m.kind, m.text, m.canonical])).toEqual([
      ['place', 'Москвы', 'Москва'],
      ['place', 'Новосибирск', 'Новосибирск'],
      ['place', 'Германию', 'Германия']
    ])
    expect(ms[0]!.place?.country).toBe('RU')
    // The same town id as the English name, so "Moscow" and "Москвы" group together.
    expect(ms[0]!.place?.geonameId).toBe(extractMentions('Talks in Moscow.', 'en')[0]!.place?.geonameId)
  })

  it('patronymics, initials and given names make persons', () => {
    expect(found('Вчера Зиновий Карлович Брыкин выступил с речью.', 'ru')).toEqual(['person:Зиновий Карлович Брыкин'])
    expect(found('Об этом сообщил А. Б. Шмыгов.', 'ru')).toEqual(['person:А. Б. Шмыгов'])
    expect(found('С ним встретилась Ольга Тюрпанова.', 'ru')).toEqual(['person:Ольга Тюрпанова'])
  })

  it('a title word before a name makes a person', () => {
    expect(found('Слова министра Брыкина процитировали все.', 'ru')).toEqual(['person:Брыкина'])
  })

  it('legal forms, organisation words and «quoted» names make organisations', () => {
    expect(found('Договор подписало ООО Вектрум.', 'ru')).toEqual(['org:Вектрум'])
    // Without the word before it, a surname-shaped name would be a person's.
    expect(found('Акции компании Брыкин выросли.', 'ru')).toEqual(['org:Брыкин'])
    expect(found('Акции компании «Северный вектор» выросли.', 'ru')).toEqual(['org:Северный вектор'])
    expect(found('Заявление распространило Министерство обороны.', 'ru')).toEqual(['org:Министерство обороны'])
    expect(found('Министерство иностранных дел выступило с заявлением.', 'ru')).toEqual(['org:Министерство иностранных дел'])
  })

  it('a sentence-initial common word is dropped, a given name inside a run starts the person', () => {
    expect(found('Акции Вектрума выросли, сообщил глава Вектрума Алексей Брыкин.', 'ru')).toEqual([
      'org:Вектрума',
      'org:Вектрума',
      'person:Алексей Брыкин'
    ])
  })

  it('a place adjective before a noun names a region or a body, not a person', () => {
    expect(found('Губернатор Белгородской области уехал.', 'ru')).toEqual(['place:Белгородской области'])
    expect(found('Торги на Московской бирже закрылись.', 'ru')).toEqual(['org:Московской бирже'])
    expect(found('Акции ПАО Вектрум выросли.', 'ru')).toEqual(['org:Вектрум'])
  })

  it('names meet again in other case forms', () => {
    expect(found('Вчера Алексей Шмидт уехал. Позже Шмидта видели у Шмидтом основанной фирмы.', 'ru')).toEqual([
      'person:Алексей Шмидт',
      'person:Шмидта',
      'person:Шмидтом'
    ])
    expect(found('Вчера Зиновий Брыкин уехал. Позже Брыкина видели в Казани, а Брыкину звонили.', 'ru')).toEqual([
      'person:Зиновий Брыкин',
      'person:Брыкина',
      'place:Казани',
      'person:Брыкину'
    ])
  })

  it('a place at the front of a run is split off ("Президент России Имярек")', () => {
    expect(found('Президент России Зиновий Брыкин прибыл.', 'ru')).toEqual(['place:России', 'person:Зиновий Брыкин'])
  })

  it('case forms of names', () => {
    expect(russianForms('Москва')).toEqual(expect.arrayContaining(['Москвы', 'Москве', 'Москву', 'Москвой']))
    expect(russianForms('Санкт-Петербург')).toEqual(expect.arrayContaining(['Санкт-Петербурге', 'Санкт-Петербургом']))
    expect(russianForms('Нижний Новгород')).toEqual(expect.arrayContaining(['Нижнем Новгороде', 'Нижнего Новгорода']))
    expect(russianForms('Россия')).toEqual(expect.arrayContaining(['России', 'Россию', 'Россией']))
  })
})
