import { describe, expect, it } from 'vitest'
import type { Archive } from '../../../src/main/archive/archive'
import {
  articleTags,
  cleanTagNames,
  listArticleTags,
  setArticleTags,
  tagArticles
} from '../../../src/main/archive/repo/article-tags'
import { getArticle, insertArticle } from '../../../src/main/archive/repo/articles'
import { createBackend } from '../../../src/main/backend'
import { createEvent } from '../../../src/main/chronology/events'
import type { ParsedArticle } from '../../../src/main/archive/parsed-article'
import type { ChronologyChange } from '../../../src/shared/chronology'
import { tagQuery } from '../../../src/shared/article-tags'
import { join } from 'node:path'
import { openArchive } from '../../../src/main/archive/archive'
import { runCli } from '../../../src/main/cli/run'
import { tempArchive, tempDir } from '../../support/tmp'

function article(title: string): ParsedArticle {
  return {
    title,
    dek: null,
    outlet: 'Harbour Gazette',
    byline: null,
    place: null,
    url: null,
    published: null,
    language: 'en',
    paragraphs: [{ text: `${title}. The ferry left the harbour at dawn.`, page: null }]
  }
}

function seeded(n = 3): { archive: Archive; ids: number[] } {
  const archive = tempArchive()
  const ids = archive.db.transaction(() => Array.from({ length: n }, (_, i) => insertArticle(archive.db, article(`Story ${i + 1}`), null)))()
  return { archive, ids }
}

function tagRows(archive: Archive): string[] {
  return archive.db.prepare<[], string>('SELECT name FROM tags ORDER BY name').pluck().all()
}

describe('article tag repository', () => {
  it('cleans names: trimmed, whitespace folded, first spelling of a case-insensitive duplicate kept', () => {
    expect(cleanTagNames(['  ferry  crash ', 'Ferry Crash', 'harbour'])).toEqual(['ferry crash', 'harbour'])
    expect(() => cleanTagNames(['ok', '   '])).toThrow(/cannot be empty/)
    expect(() => cleanTagNames(['a,b'])).toThrow(/comma or a double quote/)
    expect(() => cleanTagNames(['say "hi"'])).toThrow(/comma or a double quote/)
    expect(() => cleanTagNames(['x'.repeat(101)])).toThrow(/longer than 100/)
  })

  it('replaces one article’s tags and shows them on its summary', () => {
    const { archive, ids } = seeded()
    expect(setArticleTags(archive.db, ids[0]!, [' Ferries ', 'disputed', 'ferries'])).toEqual(['disputed', 'Ferries'])
    expect(getArticle(archive.db, ids[0]!).tags.map((t) => t.toLowerCase()).sort()).toEqual(['disputed', 'ferries'])
    expect(setArticleTags(archive.db, ids[0]!, ['disputed'])).toEqual(['disputed'])
    // "Ferries" is used nowhere now, so autocomplete must stop offering it.
    expect(tagRows(archive)).toEqual(['disputed'])
    expect(setArticleTags(archive.db, ids[0]!, [])).toEqual([])
    expect(tagRows(archive)).toEqual([])
  })

  it('reuses an existing tag whatever the case, including one only events use', () => {
    const { archive, ids } = seeded()
    createEvent(archive.db, { title: 'Ferry sinks', date: '2024-03-01', tags: ['Maritime'] })
    setArticleTags(archive.db, ids[0]!, ['maritime'])
    expect(tagRows(archive)).toEqual(['Maritime'])
    expect(articleTags(archive.db, ids[0]!)).toEqual(['Maritime'])
    // Removing it from the article keeps the row the event still needs.
    setArticleTags(archive.db, ids[0]!, [])
    expect(tagRows(archive)).toEqual(['Maritime'])
  })

  it('refuses bad input without changing anything', () => {
    const { archive, ids } = seeded()
    setArticleTags(archive.db, ids[0]!, ['keep'])
    expect(() => setArticleTags(archive.db, ids[0]!, ['new', ''])).toThrow(/cannot be empty/)
    expect(() => setArticleTags(archive.db, 999, ['x'])).toThrow(/no article 999/)
    expect(() => tagArticles(archive.db, [ids[1]!, 998, 999], ['x'])).toThrow(/no article 998, 999/)
    expect(() => tagArticles(archive.db, ids, ['x'], ['X'])).toThrow(/both added and removed/)
    expect(() => tagArticles(archive.db, ids, [], [])).toThrow(/name a tag/)
    expect(() => tagArticles(archive.db, [], ['x'])).toThrow(/at least one article/)
    expect(articleTags(archive.db, ids[0]!)).toEqual(['keep'])
    expect(articleTags(archive.db, ids[1]!)).toEqual([])
    expect(tagRows(archive)).toEqual(['keep'])
  })

  it('adds and removes tags on many articles at once and counts them', () => {
    const { archive, ids } = seeded(4)
    setArticleTags(archive.db, ids[0]!, ['ferry'])
    expect(tagArticles(archive.db, [ids[0]!, ids[1]!, ids[2]!], ['Ferry', 'harbour'])).toEqual({ added: 5, removed: 0 })
    expect(listArticleTags(archive.db)).toEqual([
      { name: 'ferry', count: 3 },
      { name: 'harbour', count: 3 }
    ])
    expect(tagArticles(archive.db, [ids[1]!, ids[3]!], ['storm'], ['FERRY'])).toEqual({ added: 2, removed: 1 })
    expect(listArticleTags(archive.db)).toEqual([
      { name: 'harbour', count: 3 },
      { name: 'ferry', count: 2 },
      { name: 'storm', count: 2 }
    ])
    expect(listArticleTags(archive.db, 'st')).toEqual([{ name: 'storm', count: 2 }])
    expect(listArticleTags(archive.db, '%')).toEqual([])
    expect(listArticleTags(archive.db, '', 1)).toEqual([{ name: 'harbour', count: 3 }])
  })

  it('counts only articles, not events, in the tag list', () => {
    const { archive, ids } = seeded()
    createEvent(archive.db, { title: 'Ferry sinks', date: '2024-03-01', tags: ['maritime', 'ferry'] })
    setArticleTags(archive.db, ids[0]!, ['ferry'])
    expect(listArticleTags(archive.db)).toEqual([{ name: 'ferry', count: 1 }])
  })
})

describe('article tag API', () => {
  it('validates, writes, announces and undoes tag changes', async () => {
    const { archive, ids } = seeded()
    const backend = createBackend(archive)
    const events: ChronologyChange[] = []
    backend.on('chronologyChanged', (c) => events.push(c))

    expect(await backend.invoke('setArticleTags', { id: ids[0], tags: ['ferry', ' Storm '] })).toEqual({
      ok: true,
      value: { id: ids[0], tags: ['ferry', 'Storm'] }
    })
    expect(await backend.invoke('tagArticles', { ids: [ids[1], ids[2]], add: ['ferry'] })).toEqual({ ok: true, value: { added: 2, removed: 0 } })
    expect(await backend.invoke('listArticleTags', {})).toEqual({
      ok: true,
      value: [
        { name: 'ferry', count: 3 },
        { name: 'Storm', count: 1 }
      ]
    })
    expect(events.map((e) => [e.action, e.articleIds])).toEqual([
      ['setArticleTags', [ids[0]]],
      ['tagArticles', [ids[1], ids[2]]]
    ])

    expect(await backend.invoke('tagArticles', { ids: [], add: ['x'] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await backend.invoke('tagArticles', { ids: [ids[0]], add: [' '] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: 'a tag name cannot be empty' }
    })
    expect(await backend.invoke('setArticleTags', { id: 999, tags: ['x'] })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await backend.invoke('setArticleTags', { id: ids[0], tags: 'ferry' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })

    // Each change is one undoable action: undo the bulk tag, then the single set.
    expect((await backend.api.undoState({})).label).toMatch(/^Tag 2 articles: add ferry/)
    await backend.api.undo({})
    expect(articleTags(archive.db, ids[1]!)).toEqual([])
    expect(articleTags(archive.db, ids[0]!)).toEqual(['ferry', 'Storm'])
    await backend.api.undo({})
    expect(articleTags(archive.db, ids[0]!)).toEqual([])
    expect(tagRows(archive)).toEqual([])
    await backend.api.redo({})
    expect(articleTags(archive.db, ids[0]!)).toEqual(['ferry', 'Storm'])
  })

  it('keeps an article’s tags through delete and undo', async () => {
    const { archive, ids } = seeded()
    const backend = createBackend(archive)
    await backend.api.setArticleTags({ id: ids[0]!, tags: ['ferry'] })
    await backend.api.deleteArticles({ ids: [ids[0]!] })
    await backend.api.undo({})
    expect(articleTags(archive.db, ids[0]!)).toEqual(['ferry'])
  })
})

describe('tagQuery', () => {
  it('quotes names the search box would otherwise split', () => {
    expect(tagQuery('ferry')).toBe('tag:ferry')
    expect(tagQuery('ferry crash')).toBe('tag:"ferry crash"')
    expect(tagQuery('a(b)')).toBe('tag:"a(b)"')
  })
})

describe('annalist article tag / tags', () => {
  async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = ''
    let err = ''
    const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false }, {})
    return { code, out, err }
  }

  it('tags many articles, sets and lists one article’s tags, lists counts, and undoes', async () => {
    const dir = join(tempDir(), 'archive')
    const archive = openArchive(dir)
    const ids = archive.db.transaction(() => [1, 2, 3].map((i) => insertArticle(archive.db, article(`Story ${i}`), null)))()
    archive.close()
    const [a, b, c] = ids.map(String) as [string, string, string]

    expect(await cli(['article', 'tag', a, b, '--add', 'ferry', '--add', 'storm', '--archive', dir])).toMatchObject({ code: 0, out: '4 tags added, 0 removed\n' })
    expect(await cli(['article', 'tag', b, c, '--add', 'harbour', '--remove', 'STORM', '--json', '--archive', dir])).toMatchObject({
      code: 0,
      out: `${JSON.stringify({ added: 2, removed: 1 }, null, 2)}\n`
    })
    expect((await cli(['article', 'tags', b, '--archive', dir])).out).toBe(`article ${b}: ferry, harbour\n`)
    expect((await cli(['article', 'tags', a, '--set', ' Night ,ferry,', '--archive', dir])).out).toBe(`article ${a}: ferry, Night\n`)
    expect((await cli(['article', 'tags', '--json', '--archive', dir])).out).toBe(
      `${JSON.stringify(
        [
          { name: 'ferry', count: 2 },
          { name: 'harbour', count: 2 },
          { name: 'Night', count: 1 }
        ],
        null,
        2
      )}\n`
    )
    expect(await cli(['article', 'tag', a, '--add', ' ', '--archive', dir])).toMatchObject({ code: 1, err: expect.stringContaining('a tag name cannot be empty') })
    expect(await cli(['article', 'tag', a, '--archive', dir])).toMatchObject({ code: 1, err: expect.stringContaining('--add NAME and/or --remove NAME') })
    expect(await cli(['article', 'tag', '--add', 'x', '--archive', dir])).toMatchObject({ code: 1, err: expect.stringContaining('needs article ids') })

    expect((await cli(['events', 'undo', '--archive', dir])).code).toBe(0)
    expect((await cli(['article', 'tags', a, '--archive', dir])).out).toBe(`article ${a}: ferry, storm\n`)
  })
})
