import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { AnnalistError } from '../../../shared/errors'
import { findResourcesDir } from '../../resources-dir'
import { startBackendHost } from '../../host/host'
import { defaultSampleArchiveDir, userDataDir } from '../../archive/location'
import { listenRemembered, recallServe, serveMemoryFile } from '../../server/serve-memory'
import { startServer, type RunningServer } from '../../server/server'
import { findRendererDir } from '../../server/renderer-dir'
import type { CommandSpec } from '../command'

/** `annalist serve`: the workbench in a browser, on 127.0.0.1 only. */
export const serveCommand: CommandSpec = {
  name: 'serve',
  summary: 'Serve the workbench to a local browser (127.0.0.1 only)',
  ownBackend: true,
  options: [
    { name: 'port', value: 'n', description: "port on 127.0.0.1 (default: the archive's port from its last serve, else a free one)" },
    { name: 'new-token', description: 'replace the remembered API token: tabs and links holding the old one stop working' },
    { name: 'allow', value: 'dir', repeat: true, path: true, description: 'let the page import from (or open an archive in) this file or folder' }
  ],
  note:
    'The page can name no path on this machine but the --allow ones, the archive open now and archives opened before; dropped files are uploaded. ' +
    'Each archive keeps its URL across restarts: its port and token are remembered in a file only you can read (in the app config folder, serve/), so open tabs reconnect.',
  async run(ctx) {
    const asked = ctx.values.port === undefined ? null : Number(ctx.values.port)
    if (asked !== null && (!Number.isInteger(asked) || asked < 0 || asked > 65535)) throw new AnnalistError('invalid-argument', '--port takes a number from 0 to 65535')
    const allow = ((ctx.values.allow as string[] | undefined) ?? []).map((p) => resolve(p))
    const missing = allow.find((p) => !existsSync(p))
    if (missing) throw new AnnalistError('not-found', `--allow ${missing}: no such file or folder`)
    const rendererDir = findRendererDir()
    if (!rendererDir) throw new AnnalistError('not-found', 'the workbench is not built yet: run npm run build')
    const resourcesDir = findResourcesDir()
    // The backend runs in worker threads beside the HTTP thread. An empty archive's first run
    // gets a separate sample archive beside it (never sample articles mixed into it).
    const userData = userDataDir()
    const sampleSource = resourcesDir ? { resourcesDir, archiveDir: defaultSampleArchiveDir(process.env, userData) } : null
    const backend = await startBackendHost({ archiveDir: ctx.archiveDir, ...(sampleSource ? { sample: sampleSource } : {}) })
    const sample = backend.sample
    if (sample?.offered) {
      const what = sample.seeded ? `${sample.seeded.articles} sample articles and a ${sample.seeded.events}-event chronology` : 'sample articles and a chronology'
      ctx.io.out(`Your archive is empty. A separate sample archive with ${what} is at ${sample.dir}: choose "Sample archive" in the archive menu to explore it.\n`)
    }
    let server: RunningServer
    let memoryFile: string
    try {
      const id = backend.archiveId
      if (!id) throw new AnnalistError('internal', `${backend.archiveDir} has no archive id after opening it for writing`)
      memoryFile = serveMemoryFile(userData, id)
      const newToken = ctx.values['new-token'] === true
      const memory = recallServe(memoryFile, { newToken })
      if (newToken) ctx.io.out('Made a new API token: tabs and links holding the old one need the URL below.\n')
      const started = await listenRemembered(memoryFile, memory, asked, (port) => startServer({ backend, rendererDir, port, allow, token: memory.token }))
      server = started.server
      if (started.taken !== null) {
        ctx.io.out(`Port ${started.taken}, where this archive is usually served, is taken: serving on ${server.port} this time; tabs open on the usual URL will not reconnect (the usual port is tried again next start).\n`)
      }
    } catch (err) {
      await backend.close()
      throw err
    }
    // The stop is listened for before the URL is printed: a caller that stops the server as soon
    // as it reads the URL (a script, a test) could otherwise signal it first, and the default
    // action ended the process without closing (its upload folder stayed in the temp folder).
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve())
      process.once('SIGTERM', () => resolve())
    })
    const granted = allow.length ? `The page may use ${allow.join(', ')}\n` : 'The page may use no folder of this machine (grant one with --allow DIR); dropped files are uploaded\n'
    ctx.io.out(
      `Annalist is serving ${backend.archiveDir}\n${granted}Open ${server.openUrl}\n` +
        `(the same URL every time for this archive; its token is kept in ${memoryFile}, renew it with --new-token)\n(Ctrl+C to stop)\n`
    )
    await stopped
    await server.close()
    await backend.close()
  }
}
