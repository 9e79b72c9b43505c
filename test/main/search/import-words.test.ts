import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../src/main/archive/db'
import { QUEUE_REBUILD_THRESHOLD, rememberedWords, rememberWords } from '../../../src/main/archive/search-words'
import { runImport } from '../../../src/main/import/pipeline'
import { drainVocabQueue } from '../../../src/main/search/vocab'
import { tempArchive, tempDir } from '../../support/tmp'
import { expectVocabularyInStep } from './support'

function vocabulary(db: Db): unknown[] {
  return db.prepare('SELECT term, docs FROM search_vocab WHERE docs > 0 ORDER BY term').raw().all()
}

const stored = (db: Db, id: number): { title: string; dek: string | null; body: Uint8Array } =>
  db.prepare('SELECT title, dek, body FROM article_store WHERE id = ?').get(id) as { title: string; dek: string | null; body: Uint8Array }

describe("the vocabulary drain and the parse workers' words", () => {
  it('counts an import with the words its workers read, and reads the stored text of an article edited before the drain', async () => {
    const archive = tempArchive()
    const { db } = archive
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), 'Flood in Kunduz\n\nThe Kunduz river rose by two metres, said Ahmad Shāh Massoud’s former aide.\n\nRoads closed.')
    writeFileSync(join(dir, 'b.txt'), 'Наводнение в Кундузе\n\nРека поднялась на два метра за ночь, сообщили власти провинции.')
    writeFileSync(join(dir, 'c.txt'), 'Bridge closed\n\nThe old bridge at Kunduz closed for the week; café owners counted losses.')
    const report = await runImport(archive, [{ kind: 'path', path: dir }])
    expect(report.added).toHaveLength(3)
    expect(rememberedWords(db)).toBe(3)
    // An edit after the import and before the drain: the words read by the worker no longer hold.
    const edited = report.added.find((a) => a.title === 'Bridge closed')!.id
    db.prepare('UPDATE articles SET title = ? WHERE id = ?').run('Bridge reopened at Baghlan', edited)
    drainVocabQueue(db)
    expect(rememberedWords(db)).toBe(0)
    expectVocabularyInStep(db)
    expect(vocabulary(db)).toContainEqual(['baghlan', 1])
    expect(vocabulary(db)).toContainEqual(['shah', 1])
    expect(vocabulary(db)).toContainEqual(['кундузе', 1])
  })

  it('takes remembered words only while the stored title, dek and body are those they were read from', async () => {
    const archive = tempArchive()
    const { db } = archive
    const dir = tempDir()
    writeFileSync(join(dir, 'a.txt'), 'Flood in Kunduz\n\nThe Kunduz river rose by two metres overnight, officials said.')
    writeFileSync(join(dir, 'b.txt'), 'Bridge closed\n\nThe old bridge at Kunduz closed for the week, officials said.')
    const [a, b] = (await runImport(archive, [{ kind: 'path', path: dir }])).added.map((x) => x.id)
    // Words no text holds, remembered for the texts as stored: the drain counts them, proving it
    // took them rather than the stored text. For b, remembered against another body: not taken.
    rememberWords(db, a!, { ...stored(db, a!), words: 'zzwordsread zzother' })
    rememberWords(db, b!, { ...stored(db, a!), words: 'zznottaken' })
    drainVocabQueue(db)
    const terms = vocabulary(db).map((r) => (r as [string, number])[0])
    expect(terms).toContain('zzwordsread')
    expect(terms).not.toContain('zznottaken')
    expect(terms).toContain('bridge')
    expect(terms).not.toContain('flood')
  })

  it('keeps the words of at most as many articles as a drain folds in one by one, the oldest dropped first', () => {
    const { db } = tempArchive()
    const read = { title: 't', dek: null, body: new Uint8Array([1]), words: 't' }
    for (let id = 1; id <= QUEUE_REBUILD_THRESHOLD + 5; id++) rememberWords(db, id, read)
    expect(rememberedWords(db)).toBe(QUEUE_REBUILD_THRESHOLD)
  })
})
