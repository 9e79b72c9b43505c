import { resolve, sep } from 'node:path'

/**
 * Paths the user chose this session (drops, open dialogs). A renderer that has been subverted
 * can only name paths; it cannot mint File objects for them, so only granted paths and what lies
 * inside granted folders may reach the backend.
 */
export class PathGrants {
  private readonly granted = new Set<string>()

  /** Records a path the user chose. */
  grant(path: string): void {
    if (path) this.granted.add(resolve(path))
  }

  /** True when `path` is a granted path or lies inside a granted folder. */
  allows(path: string): boolean {
    const abs = resolve(path)
    if (this.granted.has(abs)) return true
    for (const g of this.granted) {
      if (abs.startsWith(g.endsWith(sep) ? g : g + sep)) return true
    }
    return false
  }
}
