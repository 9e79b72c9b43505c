import { describe, expect, it } from 'vitest'
import { m012OcrConfidence } from '../../../../src/main/archive/migrations/012-ocr-confidence'
import { runMigrationCase } from '../../../support/migrations'
import { seedSchema1 } from '../../../support/seed-v1'

describe('migration 012 (OCR word confidence)', () => {
  it('keeps every earlier row, adds empty tables, and drops OCR rows with their paragraph or article', () => {
    const { db, after } = runMigrationCase({ version: m012OcrConfidence.version, seed: seedSchema1 })
    expect(after.article_ocr).toEqual([])
    expect(after.paragraph_ocr_words).toEqual([])
    db.prepare('INSERT INTO article_ocr (article_id, mean_confidence) VALUES (1, 91.5), (2, 60)').run()
    db.prepare(`INSERT INTO paragraph_ocr_words (paragraph_id, words) VALUES (1, '[0,5,96,6,15,41]'), (2, '[0,6,88]'), (3, '[0,2,90]')`).run()
    expect(() => db.prepare('INSERT INTO article_ocr (article_id, mean_confidence) VALUES (1, 101)').run()).toThrow()
    expect(() => db.prepare(`INSERT INTO paragraph_ocr_words (paragraph_id, words) VALUES (4, 'not json')`).run()).toThrow()
    // A removed paragraph takes its words; the article's other paragraphs keep theirs.
    db.prepare('DELETE FROM paragraphs WHERE id = 2').run()
    expect(db.prepare('SELECT paragraph_id FROM paragraph_ocr_words ORDER BY 1').pluck().all()).toEqual([1, 3])
    db.prepare('DELETE FROM citations').run()
    db.prepare('DELETE FROM proposals').run()
    db.prepare('DELETE FROM articles WHERE id = 2').run()
    expect(db.prepare('SELECT article_id FROM article_ocr').pluck().all()).toEqual([1])
    expect(db.prepare('SELECT paragraph_id FROM paragraph_ocr_words').pluck().all()).toEqual([1])
  })
})
