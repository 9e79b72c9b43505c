import { randomUUID } from 'node:crypto'
import { AnnalistError } from '../../../shared/errors'
import { counted, importSummaryLine, reportNames } from '../../../shared/import-summary'
import type { ImportProgress, ImportReport } from '../../../shared/types'
import { printJson, type CliIO, type CommandSpec } from '../command'
import { formatSharedParagraphs } from '../format'
import { EXIT } from '../exit-codes'

const BAR_WIDTH = 30

function progressLine(p: ImportProgress): string {
  const filled = p.total ? Math.round((p.done / p.total) * BAR_WIDTH) : BAR_WIDTH
  const current = p.current ? `  ${p.current.length > 40 ? `…${p.current.slice(-39)}` : p.current}` : ''
  const pages = p.current && p.pages ? ` (OCR page ${p.pages.done}/${p.pages.total})` : ''
  return `\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${p.done}/${p.total}${current}${pages}\u001b[K`
}

function printSummary(io: CliIO, report: ImportReport): void {
  const name = reportNames(report)
  for (const f of report.failed) io.out(`failed     ${f.path}: [${f.code}] ${f.message}\n`)
  for (const d of report.duplicates) {
    io.out(`duplicate  ${d.path} (same ${d.reason === 'bytes' ? 'file' : 'text'} as ${name(d.duplicateOf)}, #${d.duplicateOf})\n`)
  }
  for (const n of report.nearDuplicates) {
    const pairs = n.paragraphs.length ? ` (${formatSharedParagraphs(n.paragraphs)})` : ''
    io.out(`near-dup   ${name(n.articleId)} #${n.articleId} shares ${counted(n.sharedParagraphs, 'paragraph')} with ${name(n.otherId)} #${n.otherId}${pairs}\n`)
  }
  for (const c of report.cleaned) {
    const citations = [
      c.citationsMoved.length ? `${counted(c.citationsMoved.length, 'citation')} re-anchored` : '',
      c.citationsOrphaned.length ? `${counted(c.citationsOrphaned.length, 'citation')} orphaned (the quoted line was removed)` : ''
    ].filter(Boolean)
    io.out(
      `cleaned    ${c.cleanedIds.map((id) => `${name(id)} #${id}`).join(', ')}: ${counted(c.paragraphs, 'paragraph')} ${c.outlet} repeats ` +
        `removed (learned from ${name(c.articleId)} #${c.articleId})${citations.length ? `; ${citations.join(', ')}` : ''}; \`annalist events undo\` restores them\n`
    )
  }
  for (const s of report.skipped) io.out(`skipped    ${s.path}: ${s.reason}\n`)
  for (const p of report.passedOver) {
    io.out(`passed     ${p.path}: ${Object.entries(p.counts).map(([kind, n]) => counted(n, kind)).join(', ')} (not articles)\n`)
  }
  io.out(`${importSummaryLine(report)}${report.cancelled ? ' (cancelled)' : ''}\n`)
  if (report.added.length === 0 && report.failed.length === 0 && report.duplicates.length > 0) {
    io.out('Nothing new: every file is already in the archive.\n')
  }
}

/** `annalist import <paths...>`: files and folders into the archive. */
export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'Import files and folders',
  args: [{ name: 'paths', description: 'files and folders (folders recursively)', variadic: true, path: true }],
  json: true,
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new AnnalistError('invalid-argument', 'import needs at least one file or folder')
    const { api } = ctx.backend('write')
    const batchId = randomUUID()
    // Progress goes to stderr, so it is drawn only when stderr is a terminal, and never beside JSON.
    const showBar = ctx.io.errIsTTY === true && !ctx.values.json
    // First Ctrl-C stops between files (everything stored stays complete); a second one kills.
    let stopping = false
    const onSigint = (): void => {
      if (stopping) process.exit(EXIT.interrupted.code)
      stopping = true
      ctx.io.err('\nstopping after the current file… (Ctrl-C again to quit now)\n')
      api.cancelImport({ batchId }).catch((err: unknown) => ctx.io.err(`cannot stop the import: ${(err as Error).message}\n`))
    }
    const unsubscribe = showBar
      ? api.onImportProgress((p) => {
          if (p.batchId !== batchId) return
          ctx.io.err(progressLine(p))
          if (p.done === p.total || stopping) ctx.io.err('\n')
        })
      : () => {}
    process.on('SIGINT', onSigint)
    let report: ImportReport
    try {
      report = await api.importFiles({ paths: ctx.positionals, batchId })
    } finally {
      process.off('SIGINT', onSigint)
      unsubscribe()
    }
    if (ctx.values.json) {
      printJson(ctx.io, {
        added: report.added.map((a) => ({ id: a.id, path: a.path, title: a.title })),
        duplicates: report.duplicates.map((d) => ({ path: d.path, duplicateOf: d.duplicateOf, reason: d.reason })),
        failed: report.failed.map((f) => ({ path: f.path, code: f.code, message: f.message })),
        nearDuplicates: report.nearDuplicates,
        cleaned: report.cleaned,
        skipped: report.skipped,
        passedOver: report.passedOver,
        cancelled: report.cancelled
      })
    } else {
      printSummary(ctx.io, report)
    }
    return report.added.length === 0 && report.failed.length > 0 ? EXIT.failed.code : EXIT.ok.code
  }
}
