import { createContext, useContext, useSyncExternalStore } from 'react'
import type { AnnalistClient } from '../../../shared/api'
import { ALWAYS_ONLINE, type Connection, type ConnectionState } from '../api/connection'
import type { Problems } from './problems'

export const ApiContext = createContext<AnnalistClient | null>(null)
export const ProblemsContext = createContext<Problems | null>(null)
export const ConnectionContext = createContext<Connection>(ALWAYS_ONLINE)

/** Whether this window reaches its backend right now (re-renders when that changes). */
export function useConnection(): ConnectionState {
  const connection = useContext(ConnectionContext)
  return useSyncExternalStore(connection.subscribe, connection.get)
}

/** The API client of this window (a fake one in tests). */
export function useApi(): AnnalistClient {
  const client = useContext(ApiContext)
  if (!client) throw new Error('useApi outside DataProvider')
  return client
}

export function useProblems(): Problems {
  const problems = useContext(ProblemsContext)
  if (!problems) throw new Error('useProblems outside DataProvider')
  return problems
}
