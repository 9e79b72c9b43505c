import { copyFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getArticle } from '../../../../src/main/archive/repo/articles'
import { runImport } from '../../../../src/main/import/pipeline'
import { tempArchive, tempDir } from '../../../support/tmp'
import { FIXTURE_MTIME, FORMAT_FIXTURES, generatedFixtures, inputNames } from '../../../support/import/sources'

describe('every format through the import pipeline', () => {
  it('stores the good files with their metadata and reports the bad ones with codes', async () => {
    const archive = tempArchive()
    const dir = tempDir()
    for (const name of inputNames()) copyFileSync(join(FORMAT_FIXTURES, 'input', name), join(dir, name))
    for (const [name, bytes] of Object.entries(generatedFixtures())) writeFileSync(join(dir, name), bytes)
    // The file time bounds the inferred year: pin it so the result does not drift with the clock.
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), FIXTURE_MTIME, FIXTURE_MTIME)

    const report = await runImport(archive, [{ kind: 'path', path: dir }])
    const failed = Object.fromEntries(report.failed.map((f) => [f.path.slice(dir.length + 1), f.code]))
    expect(failed).toEqual({
      'binary.txt': 'decode-failed',
      'bomb.docx': 'too-large',
      'image.txt': 'unsupported-type',
      'malformed.eml': 'parse-failed',
      'not-word.docx': 'unsupported-type',
      'photo.jpg': 'parse-failed',
      'program.bin': 'unsupported-type',
      'scanned.pdf': 'empty',
      'truncated.docx': 'parse-failed',
      'truncated.pdf': 'parse-failed',
      'unknown.xyz': 'unsupported-type'
    })
    const byFile = new Map(report.added.map((a) => [a.path.slice(dir.length + 1), a.id]))
    const pdf = getArticle(archive.db, byFile.get('two-pages.pdf')!)
    expect(pdf.paragraphs.map((p) => p.page)).toEqual([1, 1, 2])
    const tass = getArticle(archive.db, byFile.get('wire-tass.txt')!)
    expect({ dek: tass.dek, outlet: tass.outlet, place: tass.place, published: tass.published }).toEqual({
      dek: 'Delegations failed to agree on inspection rules for cargo ships',
      outlet: 'TASS',
      place: 'VIENNA',
      // The dispatch gives no year and no weekday tied to its date: the file's year, marked as a guess.
      published: { edtf: '2024-03-14?', precision: 'day', provenance: 'file' }
    })
    expect(tass.text).not.toContain('All news')
  })
})
