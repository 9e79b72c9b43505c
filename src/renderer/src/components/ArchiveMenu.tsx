import { ChevronDown } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { host } from '../api/client'
import { useApiMutation, useApiQuery } from '../data/hooks'
import { baseName, bytes, count } from '../lib/format'
import { NameForm } from './NameForm'
import { SAMPLE_ARCHIVE_LABEL, SampleArchiveActions } from './SampleArchiveActions'

interface Props {
  /** Called after another archive was opened, so every view starts over. */
  onSwitched(): void
}

/** The archive's name in the top bar; opens a menu of recent archives and "Open another…". */
export function ArchiveMenu({ onSwitched }: Props): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const [typing, setTyping] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const info = useApiQuery('getArchiveInfo', {}).data ?? null
  // Asked again each time the menu opens: another window may have opened an archive meanwhile.
  const recent = useApiQuery('listRecentArchives', open ? {} : null, { staleTime: 0 }).data ?? []
  const openArchive = useApiMutation('openArchive', { onSuccess: onSwitched })

  useEffect(() => {
    if (!open) return
    const away = (e: MouseEvent): void => {
      if (!box.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', away)
    return () => document.removeEventListener('mousedown', away)
  }, [open])

  const switchTo = async (path: string): Promise<void> => {
    setOpen(false)
    setTyping(false)
    await openArchive.run({ path })
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
        {info ? (info.sample ? SAMPLE_ARCHIVE_LABEL : baseName(info.path)) : '…'} <ChevronDown />
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
          {info && (
            <SampleArchiveActions
              info={info}
              sample={recent.find((r) => r.sample)}
              onOpen={(p) => void switchTo(p)}
              onRemoved={() => {
                setOpen(false)
                onSwitched()
              }}
            />
          )}
          {recent.filter((r) => !r.current && !r.sample).length > 0 && (
            <ul className="recent-list" aria-label="Recent archives">
              {recent
                .filter((r) => !r.current && !r.sample)
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
