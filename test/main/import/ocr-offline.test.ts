import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { isAbsolute, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { offlineWorkerOptions } from '../../../src/main/import/ocr/engine'
import { BUNDLED_OCR_LANGUAGES, folderLanguages, ocrLanguages, OCR_LANGUAGE_DIR_ENV } from '../../../src/main/import/ocr/languages'
import { tempDir } from '../../support/tmp'
import { writeFileSync } from 'node:fs'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const support = (file: string): string => join(ROOT, 'test', 'support', 'ocr', file)

describe('OCR runs offline', () => {
  it('reads its languages from files in npm packages, caches nothing, and fetches no URL', () => {
    const langs = ocrLanguages({})
    expect(langs.map((l) => l.code)).toEqual([...BUNDLED_OCR_LANGUAGES])
    for (const l of langs) {
      expect(isAbsolute(l.file)).toBe(true)
      expect(existsSync(l.file)).toBe(true)
      expect(l.file).toContain(join('node_modules', '@tesseract.js-data', l.code))
    }
    const options = offlineWorkerOptions('/some/folder')
    expect(options).toMatchObject({ langPath: '/some/folder', cacheMethod: 'none' })
    expect(Object.values(options).some((v) => typeof v === 'string' && /^[a-z]+:\/\//i.test(v))).toBe(false)
  })

  it('adds the .traineddata files of the user folder, which win over a bundled language of the same code', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'deu.traineddata'), 'model')
    writeFileSync(join(dir, 'eng.traineddata.gz'), 'model')
    writeFileSync(join(dir, 'readme.txt'), 'not a model')
    expect(folderLanguages(dir).map((l) => l.code)).toEqual(['deu', 'eng'])
    const langs = ocrLanguages({ [OCR_LANGUAGE_DIR_ENV]: dir })
    expect(langs.map((l) => l.code)).toEqual(['eng', 'fra', 'deu'])
    expect(langs.find((l) => l.code === 'eng')!.file).toBe(join(dir, 'eng.traineddata.gz'))
    expect(folderLanguages(join(dir, 'missing'))).toEqual([])
  })

  it('reads a page in a process where every network call throws, in its worker thread too, writing nothing to its working folder', () => {
    const cwd = tempDir()
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
    const run = spawnSync(
      process.execPath,
      ['--import', tsx, '--import', pathToFileURL(support('no-network.mjs')).href, support('ocr-offline-child.ts'), 'Offline reading works'],
      { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 }
    )
    expect(run.stderr).not.toContain('NETWORK ATTEMPT')
    expect(run.status, run.stderr).toBe(0)
    // The blocker was active where the engine runs, not only in the main thread.
    expect(run.stderr).toContain('no-network loaded in worker')
    const out = JSON.parse(run.stdout.trim()) as { text: string; confidence: number }
    expect(out.text).toBe('Offline reading works')
    expect(readdirSync(cwd)).toEqual([])
  })
})
