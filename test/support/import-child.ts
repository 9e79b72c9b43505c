// Child process for crash tests: imports a folder into an archive, reporting each stored file.
import { openArchive } from '../../src/main/archive/archive'
import { runImport } from '../../src/main/import/pipeline'

const [archiveDir, sourceDir] = process.argv.slice(2)
const archive = openArchive(archiveDir!)
process.stdout.write('opened\n')
const report = await runImport(archive, [{ kind: 'path', path: sourceDir! }], {
  onProgress: (p) => process.stdout.write(`progress ${p.done}\n`),
  progressIntervalMs: 0
})
archive.close()
process.stdout.write(`done ${JSON.stringify({ added: report.added.length, duplicates: report.duplicates.length, failed: report.failed })}\n`)
