/**
 * Deterministic article files for journeys: distinct enough that no two are near-duplicates,
 * plus files that must fail to import, each for its own reason.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const WORDS = (
  'river bridge council market harvest border convoy village mountain winter ridge checkpoint delegation ' +
  'ceasefire governor district school clinic road flour fuel shelter refugee commander spokesman militia ' +
  'agreement statement minister parliament election ballot court witness report office harbour airport ' +
  'railway station factory workers union strike protest police curfew hospital doctor teacher student ' +
  'drought flood storm bread prices salary currency bank loan budget tax customs trader farmer shepherd ' +
  'valley pass tunnel plateau lake forest desert canal dam power cable signal radio newspaper editor ' +
  'camera archive letter treaty envoy summit embassy visa passport prisoner exchange corridor tribunal'
).split(' ')
const OUTLETS = ['Meridian Wire', 'Caspian Press', 'Northern Dispatch', 'Harbour News']
const PLACES = ['KORAM', 'DASTGERD', 'TOLAK', 'ANJIR', 'SARBAND']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 0x100000000
  }
}

function sentence(next: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!)
  const s = out.join(' ')
  return s.charAt(0).toUpperCase() + s.slice(1) + '.'
}

/** The text of generated article `i`: a title, a dateline paragraph and body paragraphs. */
export function articleText(i: number): string {
  const next = rng(7919 * (i + 1))
  const title = `Report ${i + 1}: ${sentence(next, 5).slice(0, -1)}`
  const month = MONTHS[i % 12]!
  const day = 1 + (i % 27)
  const dateline = `${PLACES[i % PLACES.length]}, ${month} ${day}, 2023. /${OUTLETS[i % OUTLETS.length]}/.`
  const paragraphs = [title, `${dateline} ${sentence(next, 14)} ${sentence(next, 11)}`]
  for (let p = 0; p < 3; p++) paragraphs.push(`${sentence(next, 12)} ${sentence(next, 9)} ${sentence(next, 15)}`)
  return paragraphs.join('\n\n') + '\n'
}

/** The five broken files and why each must fail. */
export const BAD_FILES: { name: string; bytes: Buffer }[] = [
  { name: 'empty.txt', bytes: Buffer.alloc(0) },
  { name: 'blank.txt', bytes: Buffer.from('   \n\n \t \n') },
  { name: 'notes.xyz', bytes: Buffer.from('not an article format') },
  { name: 'broken.pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj <<') },
  { name: 'binary.txt', bytes: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 73 + 11) % 256)) }
]

/** Writes `good` generated articles plus the five bad files into `dir`; returns the file paths. */
export function writeMixedFolder(dir: string, good: number): string[] {
  mkdirSync(dir, { recursive: true })
  const paths: string[] = []
  for (let i = 0; i < good; i++) {
    const p = join(dir, `report-${String(i + 1).padStart(3, '0')}.txt`)
    writeFileSync(p, articleText(i))
    paths.push(p)
  }
  for (const bad of BAD_FILES) {
    const p = join(dir, bad.name)
    writeFileSync(p, bad.bytes)
    paths.push(p)
  }
  return paths
}
