import { describe, expect, it } from 'vitest'
import { m005ChronologyIndexes } from '../../../../src/main/archive/migrations/005-chronology-indexes'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 005 (chronology lookup indexes)', () => {
  it('keeps every earlier row and adds the event lookup indexes the planner uses', () => {
    const { db } = runMigrationCase({ version: m005ChronologyIndexes.version, seed: seedSchema1 })
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('chronology_events_event', 'proposals_event', 'event_entities_name') ORDER BY name`).pluck().all()
    expect(indexes).toEqual(['chronology_events_event', 'event_entities_name', 'proposals_event'])
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT chronology_id FROM chronology_events WHERE event_id = 1').all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/chronology_events_event/)
    expect(db.prepare('SELECT chronology_id FROM chronology_events WHERE event_id = 1').pluck().all()).toEqual([1])
  })
})
