import type { Archive } from '../../src/main/archive/archive'
import { storeOriginal } from '../../src/main/archive/originals'
import { insertArticle } from '../../src/main/archive/repo/articles'
import { insertFile } from '../../src/main/archive/repo/files'
import { mulberry32 } from '../../scripts/bench/prng'

/** Deterministic pseudo-random numbers so generated fixtures are reproducible. */
export const seededRandom = mulberry32

const WORDS = (
  'ministry council harbour convoy ceasefire ballot tariff drought pipeline strike envoy summit ' +
  'refinery verdict protest bridge reactor border quarry grain tanker parliament rally sanction ' +
  'court river airport militia treaty census inflation vaccine election garrison flood' +
  ' Zürich Kyiv São Paulo Łódź naïve café'
).split(' ')

/** A unique plain-text news story: headline, blank line, paragraphs. */
export function storyText(index: number, random: () => number, paragraphs = 3): string {
  const pick = (): string => WORDS[Math.floor(random() * WORDS.length)]!
  const sentence = (): string => {
    const n = 6 + Math.floor(random() * 10)
    const words = Array.from({ length: n }, pick)
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`
  }
  const body = Array.from({ length: paragraphs }, (_, i) => `${sentence()} ${sentence()} Item ${index}-${i}.`)
  return `Story ${index}: ${pick()} ${pick()}\n\n${body.join('\n\n')}\n`
}

/** Stores `n` articles the way an import does (original, file row, article, paragraphs). */
export function seedArticles(archive: Archive, n: number, seed = 1): number[] {
  const random = seededRandom(seed)
  const ids: number[] = []
  for (let i = 0; i < n; i++) {
    const text = storyText(i, random)
    const [title, ...paras] = text.trim().split('\n\n')
    const bytes = Buffer.from(text)
    const hash = storeOriginal(archive.originalsDir, bytes)
    archive.db.transaction(() => {
      const fileId = insertFile(archive.db, { sha256: hash, size: bytes.length, name: `story-${i}.txt`, originalPath: null, mediaType: 'text/plain' })
      ids.push(
        insertArticle(
          archive.db,
          {
            title: title!,
            dek: i % 2 ? `Dek ${i}` : null,
            outlet: i % 3 ? 'Agence Test' : 'ТАСС',
            byline: null,
            place: null,
            url: null,
            published: { edtf: `2021-0${1 + (i % 9)}-1${i % 10}`, precision: 'day', provenance: 'text' },
            language: 'en',
            paragraphs: paras.map((t) => ({ text: t, page: null }))
          },
          fileId
        )
      )
    })()
  }
  return ids
}
