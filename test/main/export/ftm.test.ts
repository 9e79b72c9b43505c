import { defaultModel, Model } from '@alephdata/followthemoney'
import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { listEntityIds } from '../../../src/main/archive/repo/entity-lookup'
import { createEvent } from '../../../src/main/chronology/events'
import { setEntityHidden } from '../../../src/main/entities/corrections'
import { exportFromArchive } from '../../../src/main/export/load'
import type { NamedKind } from '../../../src/shared/entities'
import { tempArchive } from '../../support/tmp'
import { addArticleNaming } from '../entities/helpers'

interface FtmLine {
  id: string
  schema: string
  properties: Record<string, unknown[]>
}

const model = new Model(defaultModel)

/** Every line against the FollowTheMoney model: schema, property names, value types, ranges. */
function validate(lines: FtmLine[]): void {
  const byId = new Map(lines.map((l) => [l.id, l]))
  expect(byId.size, 'ids are unique').toBe(lines.length)
  for (const line of lines) {
    const schema = model.getSchema(line.schema)
    expect(schema.abstract, `${line.schema} is concrete`).toBe(false)
    for (const [name, values] of Object.entries(line.properties)) {
      expect(schema.hasProperty(name), `${line.schema} has ${name}`).toBe(true)
      const prop = schema.getProperty(name)
      expect(values.length, `${line.id} ${name} has values`).toBeGreaterThan(0)
      for (const v of values) {
        expect(typeof v, `${line.id} ${name}`).toBe('string')
        const value = v as string
        expect(value.length, `${line.id} ${name} within ${prop.maxLength}`).toBeLessThanOrEqual(Math.max(prop.maxLength, 65000))
        const type = prop.type.name
        if (prop.type.values.size > 0) expect(prop.type.values.has(value), `${line.id} ${name}=${value} is a ${type}`).toBe(true)
        if (type === 'date') expect(value, `${line.id} ${name}`).toMatch(/^\d{4}(-\d{2}(-\d{2}(T[\d:]+)?)?)?$/)
        if (type === 'number') expect(Number.isFinite(Number(value)), `${line.id} ${name}`).toBe(true)
        if (type === 'url') expect(() => new URL(value), `${line.id} ${name}`).not.toThrow()
        if (type === 'entity') {
          const target = byId.get(value)
          expect(target, `${line.id} ${name} → ${value} is exported`).toBeDefined()
          expect(model.getSchema(target!.schema).isA(prop.getRange()), `${line.id} ${name} → ${target!.schema} is a ${prop.getRange().name}`).toBe(true)
        }
      }
    }
  }
}

const TEXTS: [string, [string, NamedKind][]][] = [
  ['Massoud met the Water Board in Baghlan before noon.', [['Massoud', 'person'], ['Water Board', 'org'], ['Baghlan', 'place']]],
  ['Масуд и «Водный совет» обсудили плотину у Баглана.', [['Масуд', 'person'], ['Водный совет', 'org'], ['Баглана', 'place']]]
]

function archiveWithEntities() {
  const archive = tempArchive()
  const ids = TEXTS.map(([text, specs], i) =>
    addArticleNaming(archive, text, specs, {
      extra: { url: `https://example.org/story/${i + 1}`, language: i ? 'ru' : 'en' },
      place: (_name, kind) => (kind === 'place' ? { lat: 36.13, lon: 68.7, country: 'AF', geonameId: 1147290 } : null)
    })
  )
  return { archive, ids }
}

describe('FollowTheMoney export', () => {
  it('writes articles, entities, mentions and events the FollowTheMoney model accepts', () => {
    const { archive, ids } = archiveWithEntities()
    const body = getArticle(archive.db, ids[0]!).text
    createEvent(archive.db, {
      title: 'Massoud meets the Water Board',
      date: '2021-08-30',
      people: ['Massoud'],
      organisations: ['Water Board'],
      places: ['Baghlan'],
      citations: [{ articleId: ids[0]!, start: 0, end: body.indexOf(' before') }]
    })
    createEvent(archive.db, { title: 'Talks about the dam, some day that week', date: '2021-08-30/2021-09-03', places: ['Баглана'] })
    const result = exportFromArchive(archive.db, 'ftm', {})
    expect(result.mediaType).toBe('application/x-ndjson')
    expect(result.filename).toBe('archive.ftm.json')
    const lines = result.content.trimEnd().split('\n').map((l) => JSON.parse(l) as FtmLine)
    validate(lines)
    const schemas = lines.map((l) => l.schema)
    expect(new Set(schemas)).toEqual(new Set(['Article', 'Person', 'Organization', 'Address', 'Mention', 'Event']))
    const person = lines.find((l) => l.schema === 'Person')!
    expect(person.properties.alias).toEqual(['Масуд'])
    const event = lines.find((l) => l.schema === 'Event' && l.properties.date)!
    expect(event.properties).toMatchObject({ date: ['2021-08-30'], proof: [`annalist-article-${ids[0]}`], location: ['Baghlan'] })
    expect(event.properties.involved).toHaveLength(2)
    const range = lines.find((l) => l.schema === 'Event' && !l.properties.date)!
    expect(range.properties).toMatchObject({ startDate: ['2021-08-30'], endDate: ['2021-09-03'] })
    expect(lines.find((l) => l.schema === 'Article')!.properties.language).toEqual(['eng'])
  })

  it('leaves hidden entities and their mentions out, and fails validation on a property the schema lacks', () => {
    const { archive } = archiveWithEntities()
    for (const id of listEntityIds(archive.db, { kind: 'org', limit: 10, offset: 0 }).ids) setEntityHidden(archive.db, id, true)
    const lines = exportFromArchive(archive.db, 'ftm', {}).content.trimEnd().split('\n').map((l) => JSON.parse(l) as FtmLine)
    expect(lines.some((l) => l.schema === 'Organization')).toBe(false)
    expect(lines.filter((l) => l.schema === 'Mention').every((l) => l.properties.detectedSchema![0] !== 'Organization')).toBe(true)
    validate(lines)
    const bad = lines.map((l) => (l.schema === 'Address' ? { ...l, properties: { ...l.properties, birthDate: ['2001'] } } : l))
    expect(() => validate(bad)).toThrow(/Address has birthDate/)
  })
})
