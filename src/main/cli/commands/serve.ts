import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { AnnalistError } from '../../../shared/errors'
import { findResourcesDir } from '../../firstrun'
import { startBackendHost } from '../../host/host'
import { startServer } from '../../server/server'
import { findRendererDir } from '../../server/renderer-dir'
import type { CommandSpec } from '../command'

/** `annalist serve`: the workbench in a browser, on 127.0.0.1 only. */
export const serveCommand: CommandSpec = {
  name: 'serve',
  summary: 'Serve the workbench to a local browser (127.0.0.1 only)',
  options: [
    { name: 'port', value: 'n', description: 'port on 127.0.0.1 (default: a free one)' },
    { name: 'allow', value: 'dir', repeat: true, path: true, description: 'let the page import from (or open an archive in) this file or folder' }
  ],
  note: 'The page can name no path on this machine but the --allow ones, the archive open now and archives opened before; dropped files are uploaded.',
  async run(ctx) {
    const port = ctx.values.port === undefined ? 0 : Number(ctx.values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AnnalistError('invalid-argument', '--port takes a number from 0 to 65535')
    const allow = ((ctx.values.allow as string[] | undefined) ?? []).map((p) => resolve(p))
    const missing = allow.find((p) => !existsSync(p))
    if (missing) throw new AnnalistError('not-found', `--allow ${missing}: no such file or folder`)
    const rendererDir = findRendererDir()
    if (!rendererDir) throw new AnnalistError('not-found', 'the workbench is not built yet: run npm run build')
    const resourcesDir = findResourcesDir()
    // The backend runs in worker threads beside the HTTP thread. A brand-new archive opens with
    // the sample articles so the workbench is never blank.
    const backend = await startBackendHost({ archiveDir: ctx.archiveDir, ...(resourcesDir ? { sampleFrom: resourcesDir } : {}) })
    const sample = backend.sample
    if (sample?.seeded) ctx.io.out(`New archive: added ${sample.report.added.length} sample articles and a ${sample.events}-event sample chronology to explore.\n`)
    const server = await startServer({ backend, rendererDir, port, allow })
    const granted = allow.length ? `The page may use ${allow.join(', ')}\n` : 'The page may use no folder of this machine (grant one with --allow DIR); dropped files are uploaded\n'
    ctx.io.out(`Annalist is serving ${backend.archiveDir}\n${granted}Open ${server.openUrl}\n(Ctrl+C to stop)\n`)
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await server.close()
    await backend.close()
  }
}
