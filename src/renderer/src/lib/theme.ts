/**
 * The in-app theme: follow the system, or force light or dark. The palette itself lives in
 * styles.css as light-dark() pairs, so the system choice works from the first paint; a forced
 * choice only sets `color-scheme` through the root's data-theme attribute.
 */
import { useEffect, useSyncExternalStore } from 'react'
import { usePersistentState } from './persist'

export const THEMES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEMES)[number]

const DARK_QUERY = '(prefers-color-scheme: dark)'

function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement
  if (choice === 'system') delete root.dataset.theme
  else root.dataset.theme = choice
}

/** The persisted theme choice, applied to the document while the app runs. */
export function useThemeChoice(): [ThemeChoice, (next: ThemeChoice) => void] {
  const [stored, setChoice] = usePersistentState<ThemeChoice>('theme', 'system')
  // Storage written by another version may hold anything.
  const choice = THEMES.includes(stored) ? stored : 'system'
  useEffect(() => applyTheme(choice), [choice])
  return [choice, setChoice]
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY)
  media.addEventListener('change', onChange)
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  return () => {
    media.removeEventListener('change', onChange)
    observer.disconnect()
  }
}

function currentScheme(): 'light' | 'dark' {
  const forced = document.documentElement.dataset.theme
  if (forced === 'light' || forced === 'dark') return forced
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'
}

/** The scheme in effect now, for what CSS cannot restyle by itself (a canvas repaints on change). */
export function useColorScheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, currentScheme)
}

/**
 * A palette colour (`--fg`) as the browser resolves it in the current scheme, for canvas
 * drawing: the custom property itself holds an unresolved light-dark() pair.
 */
export function resolvedColor(name: string): string {
  const probe = document.createElement('span')
  probe.style.color = `var(${name})`
  probe.style.display = 'none'
  document.body.appendChild(probe)
  const color = getComputedStyle(probe).color
  probe.remove()
  return color
}
