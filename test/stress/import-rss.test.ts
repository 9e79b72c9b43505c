import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkArchive } from '../../src/main/archive/maintenance/check'
import { seededRandom, storyText } from '../support/archive-seed'
import { importWithBuiltCli } from '../support/built-import'

const FILES = 10_000
// The import runs as the CLI process plus its parse worker processes; their memory is counted
// together, as PSS (shared pages split between them, so the Node binary is not counted thrice).
// The ceiling sits 1.5x above what a loaded machine measures, so CI does not fail on load.
const LIMIT_MB = 600

/** Plain-text stories, every third one as a web page with navigation and footer, a few long ones. */
function writeMixedFiles(dir: string): void {
  const random = seededRandom(10)
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, `batch-${String(Math.floor(i / 500)).padStart(2, '0')}`)
    if (i % 500 === 0) mkdirSync(sub, { recursive: true })
    const text = storyText(i, random, i % 97 === 0 ? 400 : 2 + (i % 5))
    if (i % 3 === 0) {
      const [title, ...paras] = text.trim().split('\n\n')
      const page = `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Wire"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article><footer>© Wire. All rights reserved.</footer></body></html>`
      writeFileSync(join(sub, `story-${String(i).padStart(5, '0')}.html`), page)
    } else {
      writeFileSync(join(sub, `story-${String(i).padStart(5, '0')}.txt`), text)
    }
  }
}

describe('memory during a 10,000-file import', () => {
  it.skipIf(process.platform !== 'linux')(`keeps the import (CLI and parse workers) under ${LIMIT_MB} MB throughout`, async () => {
    const base = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'annalist-rss-'))
    try {
      const source = join(base, 'source')
      writeMixedFiles(source)
      const archiveDir = join(base, 'archive')
      const run = await importWithBuiltCli([source], archiveDir)
      expect(run.code, run.stderr).toBe(0)
      const report = JSON.parse(run.stdout) as { added: unknown[]; duplicates: unknown[]; failed: unknown[] }
      const peakMb = run.peakPssMb
      console.log(`${FILES} files in ${run.seconds.toFixed(1)} s; peak ${peakMb.toFixed(0)} MB PSS, ${run.peakRssMb.toFixed(0)} MB summed RSS, CLI and workers (sampled every 100 ms)`)
      expect(report.failed).toEqual([])
      expect(report.added.length + report.duplicates.length).toBe(FILES)
      expect(peakMb).toBeGreaterThan(0)
      expect(peakMb).toBeLessThan(LIMIT_MB)
      expect((await checkArchive(archiveDir)).problems).toEqual([])
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  }, 1_800_000)
})
