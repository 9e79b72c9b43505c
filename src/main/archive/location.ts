import { homedir } from 'node:os'
import { join } from 'node:path'

/** The per-user data folder Electron calls `userData` for an app named Annalist. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Annalist')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Annalist')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Annalist')
}

/** Archive directory: `ANNALIST_ARCHIVE`, else `<userData>/archive`. */
export function defaultArchiveDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const fromEnv = env.ANNALIST_ARCHIVE
  if (fromEnv && fromEnv.trim() !== '') return fromEnv
  return join(userDataDir(env, platform), 'archive')
}
