/**
 * Archive maintenance timings on a realistic archive: `check`, `backup` and `restore` of an
 * archive holding N plain-text articles generated from the Brown corpus (imported once through
 * the real pipeline and kept between runs). Prints seconds and MB/s; no targets, figures only.
 *
 *   npm run bench:archive                 # 5,000 articles
 *   npm run bench:archive -- --text 1000
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../src/main/archive/archive'
import { backupArchive } from '../src/main/archive/maintenance/backup'
import { checkArchive } from '../src/main/archive/maintenance/check'
import { restoreArchive } from '../src/main/archive/maintenance/restore'
import { runImport } from '../src/main/import/pipeline'
import { writeImportCorpus } from './bench/import-corpus'

const { values } = parseArgs({ options: { text: { type: 'string', default: '5000' } } })
const n = Number(values.text)
const root = join(tmpdir(), `annalist-bench-archive-${n}`)
const archiveDir = join(root, 'archive')

if (!existsSync(join(root, 'done'))) {
  rmSync(root, { recursive: true, force: true })
  process.stderr.write(`generating and importing ${n} articles into ${archiveDir}…\n`)
  const { textDir } = writeImportCorpus(join(root, 'corpus'), { text: n, html: 0 })
  const archive = openArchive(archiveDir)
  try {
    const report = await runImport(archive, [{ kind: 'path', path: textDir }])
    if (report.failed.length) throw new Error(`${report.failed.length} files failed to import: ${report.failed[0]!.message}`)
  } finally {
    archive.close()
  }
  mkdirSync(join(root, 'done'))
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now()
  const value = await fn()
  const seconds = (performance.now() - t0) / 1000
  process.stderr.write(`${label} done in ${seconds.toFixed(2)} s\n`)
  return { value, seconds }
}

const backupFile = join(root, 'backup.tar')
const restoreDir = join(root, 'restored')
rmSync(backupFile, { force: true })
rmSync(restoreDir, { recursive: true, force: true })

const check = await timed('check', () => checkArchive(archiveDir))
if (!check.value.healthy) throw new Error(`the bench archive is unhealthy: ${check.value.problems[0]!.message}`)
const backup = await timed('backup', () => backupArchive(archiveDir, backupFile))
const restore = await timed('restore', () => restoreArchive(backupFile, restoreDir))
const mb = statSync(backupFile).size / 1024 / 1024
const { counts } = check.value

console.log(
  JSON.stringify(
    {
      articles: counts.articles,
      paragraphs: counts.paragraphs,
      originals: counts.originals,
      backupMB: Number(mb.toFixed(1)),
      checkSeconds: Number(check.seconds.toFixed(2)),
      backupSeconds: Number(backup.seconds.toFixed(2)),
      backupMBps: Number((mb / backup.seconds).toFixed(1)),
      restoreSeconds: Number(restore.seconds.toFixed(2)),
      restoreMBps: Number((mb / restore.seconds).toFixed(1)),
      loadAverage: Number(loadavg()[0]!.toFixed(1))
    },
    null,
    2
  )
)
rmSync(backupFile, { force: true })
rmSync(restoreDir, { recursive: true, force: true })
