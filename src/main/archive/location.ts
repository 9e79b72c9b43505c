import { homedir } from 'node:os'
import { join } from 'node:path'

/** The per-user data folder Electron calls `userData` for an app named Annalist. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Annalist')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Annalist')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Annalist')
}

/**
 * The archive the app and the CLI open by default: `ANNALIST_ARCHIVE`, else `<userData>/archive`.
 * Electron passes its own `userData` (which `--user-data-dir` can move); the CLI computes it.
 */
export function defaultArchiveDir(env: NodeJS.ProcessEnv = process.env, userData = userDataDir(env)): string {
  const fromEnv = env.ANNALIST_ARCHIVE
  if (fromEnv && fromEnv.trim() !== '') return fromEnv
  return join(userData, 'archive')
}

/**
 * The separate sample archive first run creates: `<userData>/sample-archive`, beside the default
 * own archive and never inside it, so removing it cannot touch the user's work.
 */
export function defaultSampleArchiveDir(env: NodeJS.ProcessEnv = process.env, userData = userDataDir(env)): string {
  return join(userData, 'sample-archive')
}
