import { Monitor, Moon, Sun } from 'lucide-react'
import { THEMES, useThemeChoice, type ThemeChoice } from '../lib/theme'

const LABELS: Record<ThemeChoice, { label: string; icon: React.JSX.Element }> = {
  system: { label: 'System theme', icon: <Monitor /> },
  light: { label: 'Light theme', icon: <Sun /> },
  dark: { label: 'Dark theme', icon: <Moon /> }
}

/** System / Light / Dark, remembered across reloads; a radio group, so arrow keys move between them. */
export function ThemeSwitch(): React.JSX.Element {
  const [choice, setChoice] = useThemeChoice()
  const move = (e: React.KeyboardEvent, from: ThemeChoice): void => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0
    if (!step) return
    e.preventDefault()
    const next = THEMES[(THEMES.indexOf(from) + step + THEMES.length) % THEMES.length]!
    setChoice(next)
    document.getElementById(`theme-${next}`)?.focus()
  }
  return (
    <div className="segmented theme-switch" role="radiogroup" aria-label="Theme">
      {THEMES.map((t) => (
        <button
          key={t}
          id={`theme-${t}`}
          type="button"
          role="radio"
          aria-checked={choice === t}
          aria-label={LABELS[t].label}
          title={LABELS[t].label}
          tabIndex={choice === t ? 0 : -1}
          onClick={() => setChoice(t)}
          onKeyDown={(e) => move(e, t)}
        >
          {LABELS[t].icon}
        </button>
      ))}
    </div>
  )
}
