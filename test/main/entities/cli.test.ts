import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import type { EntitySummary } from '../../../src/shared/entities'
import { cli } from '../cli/support'
import { tempDir } from '../../support/tmp'
import { addArticle } from '../chronology/helpers'

describe('annalist entities', () => {
  it('extracts over the archive on --extract, then lists by kind with other spellings; refuses an unknown kind', async () => {
    const dir = join(tempDir(), 'archive')
    const archive = openArchive(dir)
    addArticle(archive, ['Ahmad Shah Massoud met elders in Kabul on Monday, his aides said.'])
    addArticle(archive, ['Officials said the convoy reached Kabul before dark.'])
    archive.close()
    const before = await cli(['entities', '--json', '--archive', dir])
    expect(JSON.parse(before.out)).toEqual({ total: 0, entities: [] })
    const { code, out } = await cli(['entities', '--extract', '--kind', 'place', '--json', '--archive', dir])
    expect(code).toBe(0)
    const listed = JSON.parse(out) as { total: number; entities: EntitySummary[] }
    expect(listed.entities.map((e) => [e.name, e.articles, e.country])).toEqual([['Kabul', 2, 'AF']])
    const text = await cli(['entities', '--archive', dir])
    expect(text.out).toMatch(/person\s+1 art\.\s+Ahmad Shah Massoud/)
    expect(text.out).toMatch(/2 of 2 entities\n$/)
    const bad = await cli(['entities', '--kind', 'ship', '--archive', dir])
    expect(bad.code).not.toBe(0)
    expect(bad.err).toMatch(/kind/)
  })
})

describe('annalist entities --refresh', () => {
  it('says when names come from an earlier version, and finds them again in those articles only', async () => {
    const dir = join(tempDir(), 'archive')
    const archive = openArchive(dir)
    const [first] = [addArticle(archive, ['Ahmad Shah Massoud met elders in Kabul on Monday.']), addArticle(archive, ['The convoy reached Herat before dark.'])]
    archive.db.prepare('INSERT INTO entity_stale (article_id) VALUES (?)').run(first)
    archive.close()
    const listed = await cli(['entities', '--archive', dir])
    expect(listed.err).toMatch(/names in 1 article were found by an earlier version of Annalist: `annalist entities --refresh`/)
    expect((await cli(['stats', '--archive', dir])).out).toMatch(/names in 1 article were found by an earlier version/)
    expect((await cli(['entities', '--extract', '--refresh', '--archive', dir])).code).not.toBe(0)

    const refreshed = await cli(['entities', '--refresh', '--archive', dir])
    expect(refreshed.code).toBe(0)
    expect(refreshed.err).toMatch(/extracted 1 of 1 articles/)
    // Only the stale article was read: Herat, in the other one, was never extracted.
    expect(refreshed.out).toMatch(/Ahmad Shah Massoud/)
    expect(refreshed.out).toMatch(/Kabul/)
    expect(refreshed.out).not.toMatch(/Herat/)
    expect(refreshed.err).not.toMatch(/earlier version/)
    expect((await cli(['stats', '--archive', dir])).out).not.toMatch(/earlier version/)
  })
})
