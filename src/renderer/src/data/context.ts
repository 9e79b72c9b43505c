import { createContext, useContext } from 'react'
import type { AnnalistClient } from '../../../shared/api'
import type { Problems } from './problems'

export const ApiContext = createContext<AnnalistClient | null>(null)
export const ProblemsContext = createContext<Problems | null>(null)

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
