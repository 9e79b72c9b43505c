import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReactNode } from 'react'
import { AnnalistError } from '../../src/shared/errors'
import { createConnectionMonitor, PROBE_DELAYS_MS, type ConnectionMonitor, type ProbeResult } from '../../src/renderer/src/api/connection'
import { createHttpClient } from '../../src/renderer/src/api/transport'
import { ConnectionBanner } from '../../src/renderer/src/components/ConnectionBanner'
import { createQueryClient, DataProvider } from '../../src/renderer/src/data/DataProvider'
import { useApiMutation, useApiQuery } from '../../src/renderer/src/data/hooks'
import { createProblems } from '../../src/renderer/src/data/problems'
import { deferred, fakeClient } from './support/fake-client'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A schedule the test runs by hand: what was scheduled, with its delay. */
function manualSchedule(): { waits: number[]; runNext(): void; schedule: (fn: () => void, ms: number) => () => void } {
  const pending: { fn: () => void; ms: number }[] = []
  const waits: number[] = []
  return {
    waits,
    schedule(fn, ms) {
      const item = { fn, ms }
      pending.push(item)
      waits.push(ms)
      return () => pending.splice(pending.indexOf(item), 1)
    },
    runNext: () => pending.shift()!.fn()
  }
}

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

describe('the connection monitor', () => {
  it('probes with growing waits while lost and comes back online when the server answers', async () => {
    const answers: ProbeResult[] = ['down', 'down', 'down', 'down', 'down', 'ok']
    const clock = manualSchedule()
    const monitor = createConnectionMonitor(async () => answers.shift()!, { tokenGiven: true, schedule: clock.schedule })
    const seen: string[] = []
    monitor.subscribe(() => seen.push(monitor.get().kind))
    monitor.lost()
    monitor.lost()
    expect(clock.waits).toEqual([PROBE_DELAYS_MS[0]])
    for (let i = 0; i < 6; i++) {
      clock.runNext()
      await flush()
    }
    expect(clock.waits).toEqual([...PROBE_DELAYS_MS, PROBE_DELAYS_MS.at(-1), PROBE_DELAYS_MS.at(-1)])
    expect(seen).toEqual(['lost', 'online'])
  })

  it('stops at a refused token: a restart with a new token needs the new URL', async () => {
    const clock = manualSchedule()
    const monitor = createConnectionMonitor(async () => 'unauthorized', { tokenGiven: true, schedule: clock.schedule })
    monitor.lost()
    clock.runNext()
    await flush()
    expect(monitor.get()).toEqual({ kind: 'unauthorized', tokenGiven: true })
    monitor.lost()
    expect(monitor.get().kind).toBe('unauthorized')
    expect(clock.waits).toHaveLength(1)
  })

  it('starts refused when the page has no token at all', () => {
    expect(createConnectionMonitor(async () => 'ok', { tokenGiven: false }).get()).toEqual({ kind: 'unauthorized', tokenGiven: false })
  })

  it('a dropped event stream probes once, and only a failed probe counts as lost', async () => {
    const answers: ProbeResult[] = ['ok', 'down']
    const clock = manualSchedule()
    const monitor = createConnectionMonitor(async () => answers.shift()!, { tokenGiven: true, schedule: clock.schedule })
    monitor.check()
    await flush()
    expect(monitor.get().kind).toBe('online')
    monitor.check()
    await flush()
    expect(monitor.get().kind).toBe('lost')
  })
})

describe('the HTTP transport', () => {
  it('turns an unreachable server into a coded connection-lost error, never the raw fetch error', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))
    const { client, connection } = createHttpClient('t0ken-t0ken-t0ken-t0ken-t0ken-t0')
    const err = await client.getArchiveInfo({}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AnnalistError)
    expect(err).toMatchObject({ code: 'connection-lost' })
    expect((err as Error).message).not.toMatch(/fetch|TypeError/i)
    expect((err as Error).message).toMatch(/anything you typed is still here/)
    expect(connection.get().kind).toBe('lost')
  })

  it('reports a refused token to the monitor', async () => {
    const body = JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'missing or wrong API token' } })
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(body, { status: 401 }))))
    const { client, connection } = createHttpClient('wrong-wrong-wrong-wrong-wrong')
    await expect(client.getArchiveInfo({})).rejects.toMatchObject({ code: 'unauthorized' })
    expect(connection.get()).toEqual({ kind: 'unauthorized', tokenGiven: true })
  })
})

/** A backend that can be "stopped": calls then fail as the transport fails them, telling the monitor. */
function stoppableBackend(monitor: ConnectionMonitor) {
  let up = true
  let saved: string[] = []
  const gate = <T,>(answer: () => T): T => {
    if (!up) {
      monitor.lost()
      throw new AnnalistError('connection-lost', 'The connection to the Annalist server was lost')
    }
    return answer()
  }
  const fake = fakeClient({
    listChronologies: () => gate(() => []),
    createChronology: ({ name }) => gate(() => ((saved = [...saved, name]), { id: saved.length, name }) as never)
  })
  return {
    fake,
    saved: () => saved,
    stop: () => (up = false),
    start: () => (up = true)
  }
}

function setup() {
  const clock = manualSchedule()
  const probe = vi.fn<() => Promise<ProbeResult>>(async () => 'down')
  const monitor = createConnectionMonitor(probe, { tokenGiven: true, schedule: clock.schedule })
  const backend = stoppableBackend(monitor)
  const problems = createProblems()
  const queryClient = createQueryClient(problems)
  const wrapper = ({ children }: { children: ReactNode }): React.JSX.Element => (
    <DataProvider client={backend.fake.client} queryClient={queryClient} problems={problems} connection={monitor}>
      <ConnectionBanner />
      {children}
    </DataProvider>
  )
  return { clock, probe, monitor, backend, problems, queryClient, wrapper }
}

function Workbench(): React.JSX.Element {
  const chronologies = useApiQuery('listChronologies', {})
  const create = useApiMutation('createChronology')
  return (
    <div>
      <p>{chronologies.data ? `${chronologies.data.length} chronologies` : chronologies.fetchStatus}</p>
      <button type="button" onClick={() => void create.run({ name: 'Valley talks' })}>
        save
      </button>
    </div>
  )
}

describe('connection lost, app-wide', () => {
  it('pauses reads and writes, says so, and resumes them on its own when the server is back', async () => {
    const { clock, probe, monitor, backend, problems, wrapper } = setup()
    render(<Workbench />, { wrapper })
    await screen.findByText('0 chronologies')

    backend.stop()
    // The event stream dropped: the monitor probes and finds nobody.
    act(() => monitor.check())
    await screen.findByText(/Connection lost — retrying/)
    act(() => screen.getByRole('button', { name: 'save' }).click())
    await screen.findByText(/1 change waits to be saved/)
    expect(backend.saved()).toEqual([])
    expect(problems.get()).toBeNull()

    backend.start()
    probe.mockResolvedValue('ok')
    await act(async () => {
      clock.runNext()
      await flush()
    })
    await waitFor(() => expect(backend.saved()).toEqual(['Valley talks']))
    await waitFor(() => expect(screen.queryByText(/Connection lost/)).toBeNull())
    // Everything on screen is asked again: change events sent meanwhile were missed.
    await waitFor(() => expect(backend.fake.callsOf('listChronologies').length).toBeGreaterThanOrEqual(2))
    expect(problems.get()).toBeNull()
  })

  it('shows what a change saved on reconnecting stored, even when it is answered after the lists were asked again', async () => {
    const clock = manualSchedule()
    const probe = vi.fn<() => Promise<ProbeResult>>(async () => 'down')
    const monitor = createConnectionMonitor(probe, { tokenGiven: true, schedule: clock.schedule })
    let up = true
    const saved: string[] = []
    const slowSave = deferred<void>()
    const fake = fakeClient({
      listChronologies: () => {
        if (!up) throw (monitor.lost(), new AnnalistError('connection-lost', 'lost'))
        return saved.map((name, i) => ({ id: i + 1, name })) as never
      },
      createChronology: async ({ name }) => {
        if (!up) throw (monitor.lost(), new AnnalistError('connection-lost', 'lost'))
        // The write is answered after the reads asked on reconnecting, and no change event
        // follows it (the event stream is still reconnecting).
        await slowSave.promise
        saved.push(name)
        return { id: saved.length, name } as never
      }
    })
    const problems = createProblems()
    const wrapper = ({ children }: { children: ReactNode }): React.JSX.Element => (
      <DataProvider client={fake.client} queryClient={createQueryClient(problems)} problems={problems} connection={monitor}>
        <ConnectionBanner />
        {children}
      </DataProvider>
    )
    render(<Workbench />, { wrapper })
    await screen.findByText('0 chronologies')
    up = false
    act(() => monitor.check())
    await screen.findByText(/Connection lost — retrying/)
    act(() => screen.getByRole('button', { name: 'save' }).click())
    await screen.findByText(/1 change waits to be saved/)
    up = true
    probe.mockResolvedValue('ok')
    await act(async () => {
      clock.runNext()
      await flush()
    })
    await waitFor(() => expect(fake.callsOf('listChronologies').length).toBeGreaterThanOrEqual(2))
    slowSave.resolve()
    await screen.findByText('1 chronologies')
  })

  it('a read that fails as the connection drops waits instead of showing an error', async () => {
    const { clock, probe, backend, problems, wrapper } = setup()
    backend.stop()
    render(<Workbench />, { wrapper })
    await screen.findByText('paused')
    expect(problems.get()).toBeNull()
    backend.start()
    probe.mockResolvedValue('ok')
    await act(async () => {
      clock.runNext()
      await flush()
    })
    await screen.findByText('0 chronologies')
  })
})
