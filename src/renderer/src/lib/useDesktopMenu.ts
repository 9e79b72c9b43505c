import { useEffect, useRef } from 'react'
import { host } from '../api/client'
import { useApiMutation } from '../data/hooks'

export interface MenuHandlers {
  import(): void
  export(): void
  shortcuts(): void
  /** Another archive was opened from File > Open Archive…. */
  switched(): void
}

/** Menu commands from the desktop host (File > Import…, Open Archive…, Export…); nothing in a browser. */
export function useDesktopMenu(handlers: MenuHandlers): void {
  const { run: openArchive } = useApiMutation('openArchive')
  const { run: backupArchive } = useApiMutation('backupArchive')
  // The menu is subscribed once; it calls whatever the handlers are by then.
  const latest = useRef({ ...handlers, openArchive, backupArchive })
  useEffect(() => {
    latest.current = { ...handlers, openArchive, backupArchive }
  })
  useEffect(() => {
    if (host.kind !== 'electron') return
    const desktop = host
    return desktop.onMenuCommand((command) => {
      const h = latest.current
      if (command === 'import') h.import()
      else if (command === 'export') h.export()
      else if (command === 'find') document.getElementById('search-input')?.focus()
      else if (command === 'shortcuts') h.shortcuts()
      else if (command === 'backup') {
        void desktop.chooseBackupPath().then(async (path) => {
          if (path) await h.backupArchive({ path })
        })
      } else if (command === 'open-archive') {
        void desktop.chooseArchiveDir().then(async (path) => {
          if (path && (await h.openArchive({ path }))) h.switched()
        })
      }
    })
  }, [])
}
