import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runImport } from '../../../src/main/import/pipeline'
import { getArticle, listArticles } from '../../../src/main/archive/repo/articles'
import { tempArchive, tempDir } from '../../support/tmp'

describe('runImport', () => {
  it('imports a folder, reports bad files, and adds nothing on re-import', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'a.txt'), 'Headline one\n\nFirst paragraph.\n\nSecond paragraph.')
    writeFileSync(join(dir, 'sub', 'b.txt'), 'Headline two\n\nOther body.')
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'image.gif'), Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0]))
    writeFileSync(join(dir, '.hidden.txt'), 'Hidden\n\nSkipped.')

    const first = await runImport(archive, [{ kind: 'path', path: dir }])
    expect(first.added.map((a) => a.title).sort()).toEqual(['Headline one', 'Headline two'])
    expect(first.failed.map((f) => f.code).sort()).toEqual(['empty', 'unsupported-type'])
    expect(listArticles(archive.db, {}).total).toBe(2)

    const article = getArticle(archive.db, first.added.find((a) => a.title === 'Headline one')!.id)
    expect(article.paragraphs.map((p) => article.text.slice(p.start, p.end))).toEqual([
      'First paragraph.',
      'Second paragraph.'
    ])

    const again = await runImport(archive, [{ kind: 'path', path: dir }])
    expect(again.added).toEqual([])
    expect(again.duplicates).toHaveLength(2)
    expect(listArticles(archive.db, {}).total).toBe(2)
  })
})
