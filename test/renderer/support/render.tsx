import { renderHook, type RenderHookResult } from '@testing-library/react'
import type { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { AnnalistClient } from '../../../src/shared/api'
import { createQueryClient, DataProvider } from '../../../src/renderer/src/data/DataProvider'
import { createProblems, type Problems } from '../../../src/renderer/src/data/problems'

/** renderHook inside the renderer's data layer, over the given (fake) client. */
export function renderWithData<P extends object | undefined, R>(
  hook: (props: P) => R,
  client: AnnalistClient,
  initialProps?: P
): RenderHookResult<R, P> & { queryClient: QueryClient; problems: Problems } {
  const problems = createProblems()
  const queryClient = createQueryClient(problems)
  const wrapper = ({ children }: { children: ReactNode }): React.JSX.Element => (
    <DataProvider client={client} queryClient={queryClient} problems={problems}>
      {children}
    </DataProvider>
  )
  const rendered = initialProps === undefined ? renderHook(hook, { wrapper }) : renderHook(hook, { wrapper, initialProps })
  return { ...rendered, queryClient, problems }
}
