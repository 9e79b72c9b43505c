import { describe, expect, it } from 'vitest'
import { m015EventOrganisations } from '../../../../src/main/archive/migrations/015-event-organisations'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 015 (event organisations)', () => {
  it('keeps every event name, still finds names from the index, and now accepts organisations', () => {
    const { db, before, after } = runMigrationCase({ version: m015EventOrganisations.version, seed: seedSchema1 })
    expect(before.event_entities!.length).toBeGreaterThan(0)
    expect(after.event_entities).toEqual(before.event_entities)
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT event_id FROM event_entities WHERE kind = 'org' AND name = 'UN' COLLATE NOCASE").all() as { detail: string }[])
      .map((p) => p.detail)
      .join(' ')
    expect(plan).toMatch(/event_entities_name/)
    db.prepare("INSERT INTO event_entities (event_id, kind, name) VALUES (1, 'org', 'Ministry of Water')").run()
    expect(() => db.prepare("INSERT INTO event_entities (event_id, kind, name) VALUES (1, 'ship', 'Aurora')").run()).toThrow()
  })
})
