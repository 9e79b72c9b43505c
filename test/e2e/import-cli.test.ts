import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from './support'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function annalist(args: string[]): { status: number | null; stdout: string; stderr: string } {
  // Run from a foreign working directory: the built CLI must find its worker by itself.
  return spawnSync(process.execPath, [join(ROOT, 'bin/annalist.js'), ...args], { encoding: 'utf8', cwd: tmpdir() })
}

describe('built CLI import (worker threads from out/main)', () => {
  it('imports through the built import worker, links wire copies, and re-imports nothing', () => {
    const archive = mkdtempSync(join(tmpdir(), 'annalist-e2e-import-'))
    dirs.push(archive)
    const wire = join(ROOT, 'test/fixtures/import/wire')
    const first = annalist(['import', wire, '--json', '--archive', archive])
    expect(first.stderr).toBe('')
    expect(first.status).toBe(0)
    const report = JSON.parse(first.stdout)
    expect(report.added).toHaveLength(3)
    expect(report.failed).toEqual([])
    expect(report.nearDuplicates).toEqual([
      {
        articleId: 3,
        otherId: 2,
        sharedParagraphs: 3,
        paragraphs: [
          { ordinal: 2, otherOrdinal: 1 },
          { ordinal: 2, otherOrdinal: 3 },
          { ordinal: 3, otherOrdinal: 2 }
        ]
      }
    ])
    expect(report.cleaned).toEqual([])
    const again = JSON.parse(annalist(['import', wire, '--json', '--archive', archive]).stdout)
    expect(again.added).toEqual([])
    expect(again.duplicates.map((d: { duplicateOf: number }) => d.duplicateOf)).toEqual([1, 2, 3])
  })

  it('ends quietly when the reader of its output closes the pipe early, as `| head` does', async () => {
    const archive = mkdtempSync(join(tmpdir(), 'annalist-e2e-pipe-'))
    dirs.push(archive)
    expect(annalist(['import', join(ROOT, 'test/fixtures/import/wire'), '--archive', archive]).status).toBe(0)
    const child = spawn(process.execPath, [join(ROOT, 'bin/annalist.js'), 'list', '--archive', archive], { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] })
    // Closed before the command writes a line: every write it makes meets a closed pipe.
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
