import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openArchive, type Archive } from '../../src/main/archive/archive'

const cleanups: (() => void)[] = []

afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

/** A fresh temp directory removed after the test. */
export function tempDir(prefix = 'annalist-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A fresh archive in a temp directory, closed and removed after the test. */
export function tempArchive(): Archive {
  const archive = openArchive(join(tempDir(), 'archive'))
  cleanups.unshift(() => archive.close())
  return archive
}
