import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { deleteArticles } from '../../../src/main/articles/delete'
import { updateArticle } from '../../../src/main/articles/edit'
import { undo } from '../../../src/main/archive/journal'
import { getArticle } from '../../../src/main/archive/repo/articles'
import { articleMentionList, entitySummaries } from '../../../src/main/archive/repo/entities'
import { listEntityIds } from '../../../src/main/archive/repo/entity-lookup'
import { runImport } from '../../../src/main/import/pipeline'
import { tempArchive, tempDir } from '../../support/tmp'

const FILES = {
  'dam.txt': 'Dam talks resume\n\nThe valley was quiet on Monday.\n\nAhmad Shah Massoud met elders in Kabul on Monday, his aides said.',
  'road.txt': 'Road reopens\n\nAhmad Shah Massoud later drove north from Kabul, officials said.'
}

async function imported() {
  const archive = tempArchive()
  const dir = tempDir()
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text)
  const report = await runImport(archive, [{ kind: 'path', path: dir }])
  const id = (title: string): number => report.added.find((a) => a.title === title)!.id
  return { archive, db: archive.db, dam: id('Dam talks resume'), road: id('Road reopens') }
}

describe('entities on import', () => {
  it('stores the mentions the parse workers found, at offsets of the clean text, in the article’s transaction', async () => {
    const { db, dam, road } = await imported()
    for (const id of [dam, road]) {
      const text = getArticle(db, id).text
      const mentions = articleMentionList(db, id)
      expect(mentions.length).toBeGreaterThan(0)
      for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text)
    }
    const kabul = entitySummaries(db, listEntityIds(db, { kind: 'place', prefix: 'Kabul', limit: 5, offset: 0 }).ids)
    expect(kabul.map((k) => [k.name, k.articles, k.country])).toEqual([['Kabul', 2, 'AF']])
  })

  it('extracts again when the text is edited (undo restores the old mentions), and recounts when an article goes', async () => {
    const { db, dam, road } = await imported()
    const before = articleMentionList(db, dam)
    const kabulId = before.find((m) => m.text === 'Kabul')!.entityId
    const text = getArticle(db, dam).text
    const edited = text.replace('The valley was quiet on Monday.', 'After a long and quiet weekend in the valley, nothing at all had moved.')
    updateArticle(db, { id: dam, text: edited })
    const after = articleMentionList(db, dam)
    const newText = getArticle(db, dam).text
    for (const m of after) expect(newText.slice(m.start, m.end)).toBe(m.text)
    expect(after.find((m) => m.text === 'Kabul')!.start).toBeGreaterThan(before.find((m) => m.text === 'Kabul')!.start)
    undo(db)
    expect(articleMentionList(db, dam)).toEqual(before)
    deleteArticles(db, [road])
    expect(entitySummaries(db, [kabulId])[0]!.articles).toBe(1)
    undo(db)
    expect(entitySummaries(db, [kabulId])[0]!.articles).toBe(2)
  })
})
