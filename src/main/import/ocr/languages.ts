import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/**
 * Languages whose recognition data ships inside an npm package the app depends on. Each is read
 * from the package's LSTM-only ("best_int") folder: the engine runs LSTM only, and that data is
 * a quarter of the size of the folder that also carries the legacy model.
 */
export const BUNDLED_OCR_LANGUAGES = ['eng', 'fra'] as const

/**
 * Environment variable naming a folder of extra `.traineddata` (or `.traineddata.gz`) files:
 * how a user adds a language offline, by copying the file for it into that folder.
 */
export const OCR_LANGUAGE_DIR_ENV = 'ANNALIST_OCR_LANG_DIR'

/** One language's recognition data on disk. */
export interface OcrLanguageFile {
  /** Tesseract's language code, such as "eng" or "deu". */
  code: string
  file: string
}

const TRAINEDDATA = /^([a-z][a-z0-9_]*)\.traineddata(?:\.gz)?$/i

function bundledFile(code: string): OcrLanguageFile {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve(`@tesseract.js-data/${code}/package.json`)
  return { code, file: join(dirname(pkg), '4.0.0_best_int', `${code}.traineddata.gz`) }
}

/** The `.traineddata` files in a user's folder; a missing or unreadable folder adds none. */
export function folderLanguages(dir: string): OcrLanguageFile[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const out: OcrLanguageFile[] = []
  for (const name of names.sort()) {
    const m = TRAINEDDATA.exec(name)
    if (!m) continue
    const file = join(dir, name)
    if (statSync(file, { throwIfNoEntry: false })?.isFile()) out.push({ code: m[1]!.toLowerCase(), file })
  }
  return out
}

/**
 * Every language OCR reads: the bundled ones, then those of the user's folder (a file there for
 * a bundled code replaces the bundled data, so a user can swap in a better model).
 */
export function ocrLanguages(env: NodeJS.ProcessEnv = process.env): OcrLanguageFile[] {
  const byCode = new Map<string, OcrLanguageFile>()
  for (const code of BUNDLED_OCR_LANGUAGES) byCode.set(code, bundledFile(code))
  const dir = env[OCR_LANGUAGE_DIR_ENV]
  if (dir) for (const lang of folderLanguages(dir)) byCode.set(lang.code, lang)
  return [...byCode.values()]
}

/** A folder holding every language's data under the names the engine looks for, and its removal. */
export interface LanguageFolder {
  dir: string
  remove(): void
}

/**
 * Tesseract reads all its languages from one folder, as `<code>.traineddata.gz` (it tells gzip
 * from plain data by the bytes, not the name), while each language package has its own: the
 * files are copied into a private temporary folder, read once when the engine starts.
 */
export function languageFolder(langs: readonly OcrLanguageFile[]): LanguageFolder {
  const dir = mkdtempSync(join(tmpdir(), 'annalist-ocr-'))
  try {
    for (const lang of langs) copyFileSync(lang.file, join(dir, `${lang.code}.traineddata.gz`))
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    throw err
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
