import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { BackupStatus } from '../../src/renderer/src/components/BackupStatus'
import { createQueryClient, DataProvider } from '../../src/renderer/src/data/DataProvider'
import { useApiMutation } from '../../src/renderer/src/data/hooks'
import { createProblems } from '../../src/renderer/src/data/problems'
import { fakeClient } from './support/fake-client'

afterEach(cleanup)

/** What File > Backup… does once the save dialog answered: the write, keyed by its method. */
function BackupButton({ path }: { path: string }): React.JSX.Element {
  const { run } = useApiMutation('backupArchive')
  return (
    <button type="button" onClick={() => void run({ path })}>
      back up
    </button>
  )
}

function renderBackup(client: ReturnType<typeof fakeClient>['client']) {
  const problems = createProblems()
  render(
    <DataProvider client={client} queryClient={createQueryClient(problems)} problems={problems}>
      <BackupButton path="/backups/archive-2026-12-02.tar" />
      <BackupStatus />
    </DataProvider>
  )
  return problems
}

describe('backup status in the top bar', () => {
  it('shows nothing before a backup, then the file and size of the last one', async () => {
    const fake = fakeClient({
      backupArchive: ({ path }) => ({ file: path, bytes: 2_500_000, manifest: { entries: [], missingOriginals: [] } as never })
    })
    renderBackup(fake.client)
    expect(screen.queryByRole('status')).toBeNull()
    await act(async () => screen.getByRole('button').click())
    expect(await screen.findByText(/Last backup: archive-2026-12-02\.tar/)).toBeTruthy()
    expect(fake.callsOf('backupArchive')).toEqual([{ path: '/backups/archive-2026-12-02.tar' }])
  })

  it('leaves a failed backup to the problem bar and claims no backup', async () => {
    const fake = fakeClient({
      backupArchive: () => {
        throw Object.assign(new Error('cannot write /backups/archive-2026-12-02.tar: disk full'), { code: 'internal' })
      }
    })
    const problems = renderBackup(fake.client)
    await act(async () => screen.getByRole('button').click())
    await act(async () => undefined)
    expect(screen.queryByText(/Last backup/)).toBeNull()
    expect(problems.get()).toMatch(/disk full/)
  })
})
