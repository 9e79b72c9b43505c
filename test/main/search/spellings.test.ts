import { describe, expect, it } from 'vitest'
import { KeyIndex } from '../../../src/main/search/key-index'
import { findSpellings, type SpellingSource } from '../../../src/main/search/spelling-variants'
import { boundedDistance, typoAllowance } from '../../../src/main/search/spellings'
import { isOrdinaryWord } from '../../../src/main/text/ordinary-words'
import { MAX_TYPO_VARIANTS } from '../../../src/shared/search-limits'

/** A vocabulary of [word, articles]; `the` stands for the archive's most frequent word. */
function source(entries: [string, number][]): SpellingSource {
  const docs = new Map<string, number>([['the', 10_000], ...entries])
  return {
    keys: new KeyIndex(docs.keys()),
    docCount: (t) => docs.get(t) ?? 0,
    maxDocs: () => 10_000,
    ordinary: isOrdinaryWord,
    spend: () => true
  }
}

const terms = (term: string, src: SpellingSource): string[] => findSpellings(term, src, 16).map((s) => s.term)
const kinds = (term: string, src: SpellingSource): Record<string, string> =>
  Object.fromEntries(findSpellings(term, src, 16).map((s) => [s.term, s.kind]))

describe('findSpellings', () => {
  it('finds each correspondence family as a variant', () => {
    const src = source([
      ['massoud', 40], ['masood', 12], ['masoud', 9],
      ['qaddafi', 30], ['gaddafi', 25], ['kadhafi', 14],
      ['mohammed', 50], ['muhammad', 45], ['mohamed', 20],
      ['djamal', 5], ['jamal', 7], ['dzhamal', 2],
      ['sheikh', 30], ['cheikh', 6],
      ['baghlan', 8], ['baglan', 3],
      ['saleh', 9], ['salih', 4]
    ])
    expect(kinds('masood', src)).toEqual({ massoud: 'variant', masoud: 'variant' })
    expect(kinds('qaddafi', src)).toEqual({ gaddafi: 'variant', kadhafi: 'variant' })
    expect(kinds('mohammed', src)).toEqual({ muhammad: 'variant', mohamed: 'variant' })
    expect(kinds('jamal', src)).toEqual({ djamal: 'variant', dzhamal: 'variant' })
    expect(kinds('sheikh', src)).toEqual({ cheikh: 'variant' })
    expect(kinds('baglan', src)).toEqual({ baghlan: 'variant' })
    expect(kinds('salih', src)).toEqual({ saleh: 'variant' })
  })

  it('finds Cyrillic spellings from Latin and back, through the one key', () => {
    const src = source([['khrushchev', 30], ['хрущев', 12], ['yeltsin', 40], ['ельцин', 15], ['khrouchtchev', 3]])
    expect(terms('khrushchev', src)).toEqual(['хрущев', 'khrouchtchev'])
    expect(terms('ельцин', src)).toEqual(['yeltsin'])
    expect(kinds('yeltsin', src)).toEqual({ ельцин: 'variant' })
  })

  it('allows no typo up to 5 key letters, one for 6–8, two beyond', () => {
    expect([5, 6, 8, 9, 12].map(typoAllowance)).toEqual([0, 1, 1, 2, 2])
    const src = source([
      ['kabul', 50], ['kabol', 3], ['kbul', 2],
      ['panjshir', 40], ['panjsher', 9], ['panshir', 3], ['pnjshr', 2],
      ['hekmatyar', 30], ['hekmatyr', 2], ['hekmtyr', 1], ['hkmtyr', 1]
    ])
    // kabul's key (kabul) has 5 letters: its transliterations only, not kbul.
    expect(kinds('kabul', src)).toEqual({ kabol: 'variant' })
    // panjshir's key (panjsir) has 7: one typo reaches panshir, not pnjshr (two).
    expect(kinds('panjshir', src)).toEqual({ panjsher: 'variant', panshir: 'typo' })
    // hekmatyar's key (hikmatiar) has 9: two typos reach hekmtyr, not hkmtyr (three).
    expect(kinds('hekmatyar', src)).toEqual({ hekmatyr: 'typo', hekmtyr: 'typo' })
    // A 4-letter key gets its transliterations only.
    const short = source([['giwu', 30], ['giwoo', 8], ['giwa', 50], ['giw', 9], ['gewu', 4]])
    expect(kinds('giwu', short)).toEqual({ giwoo: 'variant', gewu: 'variant' })
  })

  it('gives a short common word no strangers, and no word under 4 letters any variant', () => {
    const src = source([['then', 6_000], ['thin', 300], ['than', 2_000], ['tin', 40], ['main', 900], ['mean', 800], ['men', 700], ['sit', 500], ['set', 900]])
    expect(terms('then', src)).toEqual([])
    expect(terms('main', src)).toEqual([])
    expect(terms('sit', src)).toEqual([])
  })

  it('keeps a short name from strangers its key shares: other names past the rewrite budget, English words, a far more frequent word at the edge', () => {
    const src = source([
      // Voga: Voge and Vogha are its spellings; Vukha (o/u, g/k, kh) is another name.
      ['voga', 6], ['voge', 3], ['vogha', 2], ['vukha', 7],
      // Sakiy: Sacey is a spelling; sake and shake are English words with its key.
      ['sakiy', 5], ['sacey', 3], ['sake', 40], ['shake', 30],
      // Khati: Kati is a spelling; Katie needs the whole budget and is in 14 times the articles.
      ['khati', 2], ['kati', 3], ['katie', 28],
      // Jevech and Jewish share a key through the weak v/w pair: four rewrites for six letters.
      ['jevech', 3], ['jevesh', 2], ['jewish', 9]
    ])
    expect(terms('voga', src).sort()).toEqual(['voge', 'vogha'])
    expect(terms('sakiy', src)).toEqual(['sacey'])
    expect(terms('khati', src)).toEqual(['kati'])
    expect(terms('jevech', src)).toEqual(['jevesh'])
  })

  it('takes no ordinary word for a spelling, except as the correction of a misspelled query', () => {
    const src = source([['shir', 4], ['sheer', 40], ['shiir', 2], ['feel', 100], ['fill', 80], ['government', 400]])
    // One rewrite (i/ee) from Shir, but an English word.
    expect(terms('shir', src)).toEqual(['shiir'])
    // One key, one rewrite (ee/i), but two ordinary words: two words.
    expect(terms('feel', src)).toEqual([])
    expect(terms('governmnet', src)).toEqual(['government'])
    // Too short for a typo: a name's spelling the archive lacks, not a misspelled phase.
    const short = source([['phase', 200], ['phazi', 2]])
    expect(terms('phaze', short)).toEqual(['phazi'])
  })

  it('offers no typo guesses for a word the archive lacks when it has spellings of it', () => {
    const src = source([['hekmatyar', 30], ['hekmatiar', 3], ['hekmatyr', 2], ['hikmatyr', 5]])
    expect(kinds('hekmatyaar', src)).toEqual({ hekmatyar: 'variant', hekmatiar: 'variant' })
    expect(kinds('hekmatyar', src)).toEqual({ hekmatiar: 'variant', hekmatyr: 'typo', hikmatyr: 'typo' })
  })

  it('takes a key typo that rewrites explain as a variant (Panjshear: ea/i), and keeps a typo to the first letter', () => {
    const src = source([['panjshir', 40], ['panjshear', 6], ['panshir', 3], ['banjshir', 2]])
    expect(kinds('panjshir', src)).toEqual({ panjshear: 'variant', panshir: 'typo' })
    expect(kinds('panjshear', src)).toEqual({ panjshir: 'variant' })
  })

  it('takes only a rarer neighbour for a typo of a word the archive has, any for one it lacks', () => {
    const src = source([['salehs', 12], ['sales', 5_000], ['goverment', 3], ['government', 40], ['governmant', 2]])
    expect(terms('salehs', src)).toEqual([])
    expect(terms('goverment', src)).toEqual([])
    // governmant is one weak vowel pair (a/i) away: a variant, ranked before the typo.
    expect(terms('government', src)).toEqual(['governmant', 'goverment'])
    expect(terms('govrnment', src)).toEqual(['government', 'goverment', 'governmant'])
  })

  it('ranks variants above typos, nearer typos first, then the more frequent', () => {
    const src = source([
      ['abdurrahman', 20], ['abdourrahman', 3], ['abdurahman', 9], ['abdurrahmen', 2],
      ['abdurrahim', 4], ['abdulrahman', 4], ['abdurahmn', 3], ['abdrahmn', 4]
    ])
    const found = findSpellings('abdurrahman', src, 16)
    expect(found.map((s) => [s.term, s.kind])).toEqual([
      ['abdurahman', 'variant'],
      ['abdourrahman', 'variant'],
      ['abdurrahmen', 'variant'],
      ['abdulrahman', 'typo'],
      ['abdurahmn', 'typo'],
      ['abdrahmn', 'typo']
    ])
    // Abdurrahim is another name: three edits from the key.
    expect(found.map((s) => s.term)).not.toContain('abdurrahim')
  })

  it(`keeps at most ${MAX_TYPO_VARIANTS} typos`, () => {
    const src = source([['kandahar', 1000], ...'bcdfgjklmnprstvz'.split('').map((c, i) => [`kandahar${c}`, 100 - i] as [string, number])])
    expect(findSpellings('kandahar', src, 16).filter((s) => s.kind === 'typo')).toHaveLength(MAX_TYPO_VARIANTS)
  })
})

describe('boundedDistance', () => {
  it('counts inserts, deletes, replacements and swaps, and stops past the bound', () => {
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3)
    expect(boundedDistance('masud', 'amsud', 2)).toBe(1)
    expect(boundedDistance('masud', 'masud', 0)).toBe(0)
    expect(boundedDistance('abcdef', 'uvwxyz', 2)).toBe(3)
    expect(boundedDistance('ab', 'abcd', 1)).toBe(2)
  })
})
