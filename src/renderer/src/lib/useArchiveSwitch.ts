import { useEffect, useRef } from 'react'
import { useApi } from '../data/context'

/** Runs `onSwitched` when another archive is opened: from here, the menu, another window or the CLI. */
export function useArchiveSwitch(onSwitched: () => void): void {
  const client = useApi()
  const latest = useRef(onSwitched)
  useEffect(() => {
    latest.current = onSwitched
  })
  useEffect(() => client.onArchiveChanged(() => latest.current()), [client])
}
