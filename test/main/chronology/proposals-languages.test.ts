/**
 * Proposals in Russian, German, French, Spanish and Portuguese articles, read with the article's
 * language. The dispatches are written for these tests; the reference is Friday 15 March 2024.
 */
import { describe, expect, it } from 'vitest'
import { extractDateCandidates, findDateline } from '../../../src/main/chronology/proposals/extract'
import { dateLanguage } from '../../../src/main/chronology/proposals/lang'
import { listProposals, suggestEvents } from '../../../src/main/chronology/proposals/store'
import { setArticleDate } from '../../../src/main/articles/edit'
import { tempArchive } from '../../support/tmp'
import { addArticle } from './helpers'

const FRI = { year: 2024, month: 3, day: 15 }

function pairs(text: string, language: string): [string, string][] {
  return extractDateCandidates(text, { reference: FRI, language }).map((c) => [c.expression, c.edtf])
}

describe('language selection', () => {
  it('knows ru, de, fr, es and pt by their primary subtag, and reads anything else as English', () => {
    expect(['ru', 'de-AT', 'fr_CA', 'es', 'PT-br'].map((c) => dateLanguage(c)?.code)).toEqual(['ru', 'de', 'fr', 'es', 'pt'])
    expect(dateLanguage('en-GB')).toBeNull()
    expect(dateLanguage(null)).toBeNull()
  })

  it('does not read Russian words as English dates, nor English as Russian', () => {
    expect(pairs('The pier reopened on Tuesday.', 'ru')).toEqual([])
    expect(pairs('Причал открыли во вторник.', 'en')).toEqual([])
  })
})

describe('Russian', () => {
  it('skips the dateline and reads the night before a day as the two days it spans', () => {
    const text = 'ПОРТУ, 15 марта. Склад загорелся в ночь на 14 марта, сообщили пожарные.'
    expect(findDateline(text)?.place).toBe('Порту')
    expect(pairs(text, 'ru')).toEqual([['в ночь на 14 марта', '2024-03-13/2024-03-14']])
    expect(pairs('Метель бушевала в ночь с 9 на 10 марта.', 'ru')).toEqual([['в ночь с 9 на 10 марта', '2024-03-09/2024-03-10']])
  })

  it('reads weekdays, last week, years with "году" and month names in the genitive', () => {
    expect(pairs('Мэр подписал указ в пятницу.', 'ru')).toEqual([['в пятницу', '2024-03-15']])
    expect(pairs('Мэр подписал указ в среду.', 'ru')).toEqual([['в среду', '2024-03-13']])
    expect(pairs('Мост закрыли на прошлой неделе.', 'ru')).toEqual([['на прошлой неделе', '2024-03-04~/2024-03-10~']])
    expect(pairs('Фабрику построили в 1998 году.', 'ru')).toEqual([['1998 году', '1998']])
    expect(pairs('Договор подписали 2 февраля.', 'ru')).toEqual([['2 февраля', '2024-02-02']])
    expect(pairs('Паром затонул в прошлую среду.', 'ru')).toEqual([['в прошлую среду', '2024-03-13']])
  })
})

describe('German', () => {
  it('reads "am Montag", months and years after prepositions, and relative units', () => {
    expect(pairs('Der Stadtrat tagte am Montag.', 'de')).toEqual([['am Montag', '2024-03-11']])
    expect(pairs('Vergangene Woche streikten die Fahrer.', 'de')).toEqual([['Vergangene Woche', '2024-03-04~/2024-03-10~']])
    expect(pairs('Im Februar stieg der Umsatz.', 'de')).toEqual([['Im Februar', '2024-02']])
    expect(pairs('Die Brücke ist seit 2011 gesperrt.', 'de')).toEqual([['seit 2011', '2011']])
    expect(pairs('Vor zwei Jahren brannte die Mühle.', 'de')).toEqual([['Vor zwei Jahren', '2022']])
    expect(pairs('Am 4. März wurde gewählt.', 'de')).toEqual([['Am 4. März', '2024-03-04']])
  })
})

describe('French', () => {
  it('reads "le 3 mars dernier" as the most recent 3 March before the reference', () => {
    expect(pairs('Le chalutier a sombré le 3 mars dernier.', 'fr')).toEqual([['3 mars', '2024-03-03']])
    expect(pairs('Le chalutier a sombré le 20 mars dernier.', 'fr')).toEqual([['20 mars', '2023-03-20']])
  })

  it('reads weekdays with "dernier"/"prochain", last week, years and months after "en"', () => {
    expect(pairs('Mardi dernier, les élus ont voté.', 'fr')).toEqual([['Mardi dernier', '2024-03-12']])
    expect(pairs('Le vote aura lieu mardi prochain.', 'fr')).toEqual([['mardi prochain', '2024-03-19']])
    expect(pairs('La semaine dernière, le port a rouvert.', 'fr')).toEqual([['La semaine dernière', '2024-03-04~/2024-03-10~']])
    expect(pairs('En 2007, la ville a changé de maire.', 'fr')).toEqual([['En 2007', '2007']])
    expect(pairs('En février, les ventes ont baissé.', 'fr')).toEqual([['En février', '2024-02']])
  })
})

describe('Spanish', () => {
  it('reads "el pasado martes" backwards, and what chrono-node lacks in Spanish', () => {
    expect(pairs('El pasado martes se cerró la frontera.', 'es')).toEqual([['pasado martes', '2024-03-12']])
    expect(pairs('El próximo lunes se abrirá la feria.', 'es')).toEqual([['próximo lunes', '2024-03-18']])
    expect(pairs('La semana pasada hubo huelga.', 'es')).toEqual([['La semana pasada', '2024-03-04~/2024-03-10~']])
    expect(pairs('El año pasado llovió poco.', 'es')).toEqual([['El año pasado', '2023']])
    expect(pairs('Hace cinco años se inauguró el puente.', 'es')).toEqual([['Hace cinco años', '2019']])
    expect(pairs('Desde 2015 no hay trenes.', 'es')).toEqual([['Desde 2015', '2015']])
  })
})

describe('Portuguese', () => {
  it('reads "na última terça-feira", "na semana passada", "há dois anos" and "em março"', () => {
    expect(pairs('Na última terça-feira, a barragem abriu as comportas.', 'pt')).toEqual([['terça-feira', '2024-03-12']])
    expect(pairs('Na semana passada houve greve no porto.', 'pt')).toEqual([['Na semana passada', '2024-03-04~/2024-03-10~']])
    expect(pairs('Há dois anos a ponte caiu.', 'pt')).toEqual([['Há dois anos', '2022']])
    expect(pairs('Em fevereiro as vendas caíram.', 'pt')).toEqual([['Em fevereiro', '2024-02']])
    expect(pairs('Em 2009 a fábrica fechou.', 'pt')).toEqual([['Em 2009', '2009']])
    expect(pairs('No sábado, a comporta abriu.', 'pt')).toEqual([['sábado', '2024-03-09']])
  })
})

describe('the article language decides the reading', () => {
  it('proposes Russian dates for an article stored as Russian', () => {
    const archive = tempArchive()
    const id = addArticle(archive, ['ЛИССАБОН, 15 марта.', 'Склад загорелся в ночь на 14 марта, сообщили пожарные.'], { language: 'ru' })
    setArticleDate(archive.db, { id, edtf: '2024-03-15' })
    expect(suggestEvents(archive.db, id).map((p) => [p.expression, p.date.edtf])).toEqual([['в ночь на 14 марта', '2024-03-13/2024-03-14']])
    expect(listProposals(archive.db, id)).toHaveLength(1)
  })
})
