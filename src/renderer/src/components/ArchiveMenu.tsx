import { useEffect, useRef, useState } from 'react'
import type { RecentArchive } from '../../../shared/archive'
import type { ArchiveInfo } from '../../../shared/types'
import { api, host } from '../api/client'
import { baseName, bytes, count } from '../lib/format'
import { NameForm } from './NameForm'

interface Props {
  info: ArchiveInfo | null
  /** Called after another archive was opened, so every view reloads. */
  onSwitched(): void
  onError(message: string): void
}

/** The archive's name in the top bar; opens a menu of recent archives and "Open another…". */
export function ArchiveMenu({ info, onSwitched, onError }: Props): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const [recent, setRecent] = useState<RecentArchive[]>([])
  const [typing, setTyping] = useState(false)
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    void api.listRecentArchives({}).then(setRecent, () => setRecent([]))
    const away = (e: MouseEvent): void => {
      if (!box.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', away)
    return () => document.removeEventListener('mousedown', away)
  }, [open])

  const switchTo = async (path: string): Promise<void> => {
    setOpen(false)
    setTyping(false)
    try {
      await api.openArchive({ path })
      onSwitched()
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err))
    }
  }

  const openOther = async (): Promise<void> => {
    if (host.kind === 'electron') {
      const path = await host.chooseArchiveDir()
      if (path) await switchTo(path)
    } else setTyping(true)
  }

  return (
    <div className="archive-menu" ref={box}>
      <button
        type="button"
        className="archive-name"
        aria-haspopup="true"
        aria-expanded={open}
        title={info ? `${info.path} — ${bytes(info.sizeBytes)}` : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {info ? baseName(info.path) : '…'} ▾
      </button>
      {info && (
        <span className="archive-stats">
          {count(info.articleCount)} articles · {count(info.eventCount)} events
        </span>
      )}
      {open && (
        <div
          className="menu-popover"
          role="group"
          aria-label="Archives"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              setOpen(false)
            }
          }}
        >
          <p className="muted menu-path">{info?.path}</p>
          {recent.filter((r) => !r.current).length > 0 && (
            <ul className="recent-list" aria-label="Recent archives">
              {recent
                .filter((r) => !r.current)
                .map((r) => (
                  <li key={r.path}>
                    <button type="button" className="link-button" disabled={!r.exists} onClick={() => void switchTo(r.path)} title={r.path}>
                      {baseName(r.path)}
                    </button>{' '}
                    <span className="muted">{r.exists ? r.path : `${r.path} (not found)`}</span>
                  </li>
                ))}
            </ul>
          )}
          {typing ? (
            <NameForm label="Folder of the archive to open (created if new)" submitLabel="Open" onCancel={() => setTyping(false)} onSubmit={(p) => void switchTo(p)} />
          ) : (
            <button type="button" onClick={() => void openOther()}>
              Open or create another archive…
            </button>
          )}
        </div>
      )}
    </div>
  )
}
