import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { seededRandom, storyText } from './archive-seed'

/** Writes `n` distinct small plain-text stories into `dir` (in a few subfolders) and returns it. */
export function writeStoryFiles(dir: string, n: number, seed = 7): string {
  const random = seededRandom(seed)
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `batch-${String(Math.floor(i / 250)).padStart(2, '0')}`)
    if (i % 250 === 0) mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, `story-${String(i).padStart(5, '0')}.txt`), storyText(i, random, 2 + (i % 4)))
  }
  return dir
}
