import { readFileSync, writeFileSync } from 'node:fs'

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

/** The last window bounds, or null when none were saved or the file is unreadable. */
export function loadWindowState(file: string): WindowState | null {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>
    if (typeof s.width !== 'number' || typeof s.height !== 'number' || s.width < 400 || s.height < 300) return null
    return {
      x: typeof s.x === 'number' ? s.x : undefined,
      y: typeof s.y === 'number' ? s.y : undefined,
      width: s.width,
      height: s.height,
      maximized: s.maximized === true
    }
  } catch {
    return null
  }
}

/** Saves window bounds; losing them is harmless, so errors are ignored. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(state))
  } catch {
    // A read-only profile only costs the remembered size.
  }
}
