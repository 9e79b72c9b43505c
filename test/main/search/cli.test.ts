import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { runCli } from '../../../src/main/cli/run'
import { tempDir } from '../../support/tmp'
import { seed } from './support'

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false }, {})
  return { code, out, err }
}

describe('annalist search', () => {
  it('prints the documented --json shape', async () => {
    const dir = join(tempDir(), 'archive')
    const archive = openArchive(dir)
    seed(archive)
    archive.close()
    const { code, out } = await cli(['search', 'masood~', '--json', '--limit', '2', '--archive', dir])
    expect(code).toBe(0)
    const json = JSON.parse(out)
    expect(Object.keys(json)).toEqual(['query', 'total', 'hits', 'facets', 'expansions'])
    expect(Object.keys(json.query)).toEqual(['parsed'])
    expect(json.query.parsed.readAs).toBe('masood (or a similar spelling)')
    expect(json.total).toBe(3)
    expect(json.hits).toHaveLength(2)
    for (const hit of json.hits) {
      expect(Object.keys(hit)).toEqual(['articleId', 'title', 'outlet', 'published', 'score', 'snippets'])
      for (const s of hit.snippets) expect(Object.keys(s)).toEqual(['text', 'highlights'])
    }
    expect(Object.keys(json.facets)).toEqual(['outlet', 'month', 'place', 'language', 'person', 'org', 'mentionedPlace', 'entitiesCounted'])
    expect(json.expansions.masood.map((e: { term: string }) => e.term).sort()).toEqual(['masoud', 'massoud'])
    expect(Object.keys(json.expansions.masood[0])).toEqual(['term', 'articles', 'kind', 'dropped'])
  })

  it('prints readable hits and rejects a bad sort', async () => {
    const dir = join(tempDir(), 'archive')
    const archive = openArchive(dir)
    seed(archive)
    archive.close()
    const text = await cli(['search', 'baghlan~', '--sort', 'date', '--archive', dir])
    expect(text.code).toBe(0)
    expect(text.out).toContain('Also matched: baghlan → baglan')
    expect(text.out).toContain('«Baglan»')
    expect(text.out).toContain('2 articles')
    const bad = await cli(['search', 'x', '--sort', 'size', '--archive', dir])
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('unknown sort')
  })
})
