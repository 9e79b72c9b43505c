/**
 * What `annalist serve` remembers per archive so a restart gives the same URL: the port it last
 * served the archive on and its API token. An open tab then reconnects by itself after the server
 * was stopped and started again, and its bookmarks keep working.
 *
 * The file lives in the app's per-user config folder (`<userData>/serve/<archive id>.json`), not
 * in the archive's folder: archives are copied, synced and handed to colleagues, and a token
 * travelling with them would let whoever holds a copy call a server on the owner's machine. The
 * folder is made 0700 and the file 0600 (only the user can read them; Windows ignores the bits
 * and relies on the profile's ACL). Keyed by the archive's id, so moving the folder keeps the URL.
 */
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { AnnalistError } from '../../shared/errors'
import { writeFileAtomic } from '../platform/atomic-write'
import { newApiToken } from './server'

/** A token as newApiToken makes them (and nothing a hand edit could weaken to). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,}$/

export interface ServeMemory {
  token: string
  /** The port last served on; null before the first serve. */
  port: number | null
}

/** The memory file of the archive with id `archiveId`. */
export function serveMemoryFile(userData: string, archiveId: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(archiveId)) throw new AnnalistError('internal', `archive id "${archiveId}" cannot name a file`)
  return join(userData, 'serve', `${archiveId}.json`)
}

function read(file: string): Partial<ServeMemory> {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return {}
  }
  const r = (raw ?? {}) as Record<string, unknown>
  return {
    ...(typeof r.token === 'string' && TOKEN_SHAPE.test(r.token) ? { token: r.token } : {}),
    ...(Number.isInteger(r.port) && (r.port as number) > 0 && (r.port as number) <= 65535 ? { port: r.port as number } : {})
  }
}

function write(file: string, memory: ServeMemory): void {
  const dir = join(file, '..')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  // A folder made before (or by hand) with wider bits is narrowed: the token is a password.
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700)
  writeFileAtomic(file, `${JSON.stringify(memory, null, 2)}\n`, { mode: 0o600 })
}

/**
 * The archive's remembered token and port, making and storing a token when there is none, it is
 * malformed, or `newToken` asks for a fresh one (which locks out every tab holding the old one).
 */
export function recallServe(file: string, options: { newToken?: boolean } = {}): ServeMemory & { tokenIsNew: boolean } {
  const known = read(file)
  const tokenIsNew = options.newToken === true || known.token === undefined
  const memory: ServeMemory = { token: tokenIsNew ? newApiToken() : known.token!, port: known.port ?? null }
  // Rewritten every time, so a file whose bits were widened by hand is private again.
  write(file, memory)
  return { ...memory, tokenIsNew }
}

/** Records the port the archive is served on, keeping its token. */
function rememberPort(file: string, memory: ServeMemory, port: number): void {
  if (memory.port === port) return
  write(file, { ...memory, port })
}

/**
 * Starts listening where the archive is expected: on `asked` when given (0: any free port),
 * else on its remembered port, else on a free one. A remembered port that is taken falls back to
 * a free one, reported as `taken`, and stays remembered (it is the URL tabs and bookmarks hold);
 * a port chosen any other way becomes the remembered one.
 */
export async function listenRemembered<S extends { port: number }>(
  file: string,
  memory: ServeMemory,
  asked: number | null,
  listen: (port: number) => Promise<S>
): Promise<{ server: S; taken: number | null }> {
  if (asked === null && memory.port !== null) {
    try {
      return { server: await listen(memory.port), taken: null }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err
      return { server: await listen(0), taken: memory.port }
    }
  }
  const server = await listen(asked ?? 0)
  rememberPort(file, memory, server.port)
  return { server, taken: null }
}
