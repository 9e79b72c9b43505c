import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { packText, registerArchiveFunctions, unpackText } from '../../../src/main/archive/packed-text'

describe('packed article text', () => {
  it('gives back exactly the text a TEXT column gave back, for any string', () => {
    // A TEXT column stores UTF-8, so a lone surrogate came back as U+FFFD before packing too.
    const db = new Database(':memory:')
    registerArchiveFunctions(db)
    const viaText = db.prepare<[string], string>('SELECT CAST(? AS TEXT)').pluck()
    const viaPacked = db.prepare<[Buffer], string>('SELECT article_text(?)').pluck()
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        expect(unpackText(packText(text))).toBe(viaText.get(text))
        expect(viaPacked.get(packText(text))).toBe(viaText.get(text))
      })
    )
    db.close()
  })

  it('refuses to read anything but packed text, rather than return wrong text', () => {
    const db = new Database(':memory:')
    registerArchiveFunctions(db)
    expect(() => db.prepare("SELECT article_text('plain')").get()).toThrow(/packed text/)
    expect(() => db.prepare("SELECT article_text(x'00ff00ff')").get()).toThrow()
    db.close()
  })
})
