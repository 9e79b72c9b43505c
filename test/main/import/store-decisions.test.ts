import { describe, expect, it } from 'vitest'
import type { Archive } from '../../../src/main/archive/archive'
import { Decisions } from '../../../src/main/entities/decisions'
import { nameGroupKey } from '../../../src/main/entities/group'
import { reextractArticles } from '../../../src/main/entities/reextract'
import { storeParsedArticle } from '../../../src/main/import/store'
import { boilerplateKey, paragraphFingerprints, wordsKey } from '../../../src/main/text/shingles'
import { parsedArticle } from '../../support/parsed-article'
import { tempArchive } from '../../support/tmp'
import { storeParagraphs } from './near-support'

const TEXT = 'President Ashraf Zorvani met the elders of the valley on Tuesday.'
const NAME = 'Ashraf Zorvani'

/** A rename of the person, given to the store without being in the archive's decisions. */
const renamed = new Decisions([{ kind: 'person', action: 'rename', subject: nameGroupKey('person', NAME), value: 'Ashraf Z. (the governor)' }])

function userNames(archive: Archive): (string | null)[] {
  return archive.db.prepare("SELECT user_name FROM entities WHERE kind = 'person' ORDER BY id").pluck().all() as (string | null)[]
}

/**
 * An import batch reads the user's decisions once and hands them to every article it stores
 * (reading them per article cost 2.6 ms an article with 2,000 corrections): the store must apply
 * the decisions it is given. The archive here holds none, so a store that read its own would
 * leave the name as extracted.
 */
describe('the decisions an article is stored with', () => {
  it('are the ones the import batch hands over', () => {
    const archive = tempArchive()
    const start = TEXT.indexOf(NAME)
    const outcome = storeParsedArticle(
      archive,
      {
        name: 'a.txt',
        path: null,
        sha256: '1'.padStart(64, '0'),
        size: TEXT.length,
        mediaType: 'text/plain',
        article: parsedArticle([TEXT]),
        analysis: [
          {
            fingerprints: paragraphFingerprints(TEXT),
            boilerplateKey: boilerplateKey(TEXT),
            wordsKey: wordsKey(TEXT),
            mentions: [{ start, end: start + NAME.length, text: NAME, kind: 'person', canonical: null, place: null }]
          }
        ]
      },
      renamed
    )
    expect(outcome.status).toBe('added')
    expect(userNames(archive)).toEqual(['Ashraf Z. (the governor)'])
  })

  it('are the ones given when names are found again, for every article at once', () => {
    const archive = tempArchive()
    const ids = [TEXT, `${TEXT} They spoke for an hour.`].map((text) => storeParagraphs(archive, [text]))
    expect(userNames(archive)).toEqual([])
    archive.db.transaction(() => reextractArticles(archive.db, ids, renamed))()
    expect(userNames(archive)).toEqual(['Ashraf Z. (the governor)'])
    const mentions = archive.db.prepare('SELECT count(DISTINCT article_id) FROM entity_mentions').pluck().get()
    expect(mentions).toBe(2)
  })
})
