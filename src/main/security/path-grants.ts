import { realpathSync } from 'node:fs'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { AnnalistError } from '../../shared/errors'
import { pathsInArgument } from '../../shared/contract'

export interface PathGrantsOptions {
  /**
   * Also compare real paths (symbolic links resolved), so a link inside a granted folder cannot
   * lead a call out of it. Browser mode sets it: its paths are typed, never picked.
   */
  realPaths?: boolean
}

/** The real path of `path`, or of its deepest existing folder joined with the rest (for paths to be created). */
function realPathOf(path: string): string {
  const abs = resolve(path)
  const rest: string[] = []
  for (let head = abs; ; head = dirname(head)) {
    try {
      return join(realpathSync.native(head), ...rest)
    } catch {
      if (dirname(head) === head) return abs
      rest.unshift(basename(head))
    }
  }
}

function within(path: string, roots: Iterable<string>): boolean {
  for (const g of roots) {
    if (path === g || path.startsWith(g.endsWith(sep) ? g : g + sep)) return true
  }
  return false
}

/**
 * Paths the user chose this session (drops, open dialogs, `annalist serve --allow`). A renderer
 * that has been subverted can only name paths; it cannot mint File objects for them, so only
 * granted paths and what lies inside granted folders may reach the backend.
 */
export class PathGrants {
  private readonly granted = new Set<string>()
  private readonly real = new Set<string>()

  constructor(private readonly options: PathGrantsOptions = {}) {}

  /** Records a path the user chose. */
  grant(path: string): void {
    if (!path) return
    this.granted.add(resolve(path))
    if (this.options.realPaths) this.real.add(realPathOf(path))
  }

  /** True when `path` is a granted path or lies inside a granted folder. */
  allows(path: string): boolean {
    if (!within(resolve(path), this.granted)) return false
    return !this.options.realPaths || within(realPathOf(path), this.real)
  }
}

/**
 * The refusal for the first path in an API call that `allows` rejects, or null when every path
 * the call names (as `pathsInArgument` declares them) may be used. `howToGrant` tells the person
 * how to grant it in this transport.
 */
export function refuseUngranted(method: string, arg: unknown, allows: (path: string) => boolean, howToGrant: string): AnnalistError | null {
  const refused = (pathsInArgument(method, arg) ?? []).find((p) => !allows(p))
  return refused === undefined ? null : new AnnalistError('forbidden-path', `${refused} was not chosen by you (${howToGrant})`)
}
