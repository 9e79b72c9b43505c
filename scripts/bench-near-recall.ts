/**
 * Near-duplicate recall (issue 17): how often the import links a paragraph to a stored one it was
 * copied from, verbatim, edited, cut, merged into a longer one, or quoted in part. Each paragraph
 * of the generated news corpus (scripts/bench/news-corpus.ts) is stored as an article of its own;
 * each copy is then matched against the archive as an import would match it (fingerprint lookup,
 * candidate rules, verification), in a savepoint rolled back after it. Only copies that verify
 * against their source (`paragraphsMatch`) count: the question is whether the sampled
 * fingerprints find them, not whether verification accepts them. Also prints the fingerprints a
 * paragraph looks up and stores.
 *
 *   npm run bench:near-recall                        # 3,000 paragraphs
 *   npm run bench:near-recall -- --paragraphs 1000
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { paragraphFingerprints, paragraphsMatch, shingleSet } from '../src/main/text/shingles'
import { matchParagraphs, storeParagraphs } from '../test/main/import/near-support'
import { mulberry32 } from './bench/prng'
import { newsArticle } from './bench/news-corpus'

const { values } = parseArgs({ options: { paragraphs: { type: 'string', default: '3000' } } })
const total = Number(values.paragraphs)

const paragraphs: string[] = []
const seen = new Set<string>()
for (let i = 0; paragraphs.length < total; i++) {
  for (const p of newsArticle(i).paragraphs) if (paragraphs.length < total && !seen.has(p) && seen.add(p)) paragraphs.push(p)
}

const random = mulberry32(29)
const pick = (n: number): number => Math.floor(random() * n)
/** The paragraph with the words at the chosen places replaced by words found nowhere else. */
const replaced = (text: string, chosen: (at: number, count: number) => boolean): string =>
  text
    .split(' ')
    .map((w, at, all) => (chosen(at, all.length) ? `${w}qz` : w))
    .join(' ')
const some = (count: number) => (text: string): string => {
  const n = text.split(' ').length
  const places = new Set(Array.from({ length: count }, () => pick(n)))
  return replaced(text, (at) => places.has(at))
}
const everyNth = (n: number) => (text: string): string => {
  const offset = pick(n)
  return replaced(text, (at) => at % n === offset)
}
const quote = (n: number) => (text: string): string => {
  const words = text.split(' ')
  const from = pick(Math.max(1, words.length - n))
  return words.slice(from, from + n).join(' ')
}
const COPIES: [string, (text: string) => string][] = [
  ['verbatim', (text) => text],
  ['one word replaced', some(1)],
  ['two words replaced', some(2)],
  ['four words replaced', some(4)],
  ['a word in ten replaced', everyNth(10)],
  ['a word in eight replaced', everyNth(8)],
  ['first half', (text) => text.split(' ').slice(0, Math.ceil(text.split(' ').length / 2)).join(' ')],
  ['merged with a sentence', (text) => `${text} Officials declined to say more when reached by telephone late in the evening.`],
  ...[10, 11, 12, 13, 15, 20].map((n): [string, (text: string) => string] => [`quote of ${n} words`, quote(n)])
]

const dir = mkdtempSync(join(tmpdir(), 'annalist-bench-near-'))
const archive = openArchive(join(dir, 'archive'))
try {
  const started = Date.now()
  const ids = paragraphs.map((p) => storeParagraphs(archive, [p]))
  let looked = 0
  let stored = 0
  for (const p of paragraphs) {
    const f = paragraphFingerprints(p)
    looked += f.lookup.length
    stored += f.stored.length
  }
  console.log(
    `${paragraphs.length} paragraphs stored in ${((Date.now() - started) / 1000).toFixed(1)} s (load ${loadavg()[0]!.toFixed(1)}): ` +
      `${(looked / paragraphs.length).toFixed(1)} fingerprints looked up and ${(stored / paragraphs.length).toFixed(1)} stored per paragraph ` +
      `(${((stored / looked) * 100).toFixed(1)} %)`
  )
  console.log('\ncopy                      pairs   found   recall')
  for (const [name, copy] of COPIES) {
    let pairs = 0
    let found = 0
    paragraphs.forEach((source, i) => {
      const text = copy(source)
      if (!paragraphsMatch(shingleSet(text), shingleSet(source))) return
      pairs++
      archive.db.exec('SAVEPOINT copy')
      try {
        if (matchParagraphs(archive, [text]).found.some((n) => n.otherId === ids[i])) found++
      } finally {
        archive.db.exec('ROLLBACK TO copy; RELEASE copy')
      }
    })
    console.log(`${name.padEnd(24)} ${String(pairs).padStart(6)} ${String(found).padStart(7)}   ${((found / Math.max(1, pairs)) * 100).toFixed(1)} %`)
  }
} finally {
  archive.close()
  rmSync(dir, { recursive: true, force: true })
}
