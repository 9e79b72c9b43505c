/**
 * Loaded into every backend thread of a test host (HostOptions.instrument). Shares an Int32Array
 * with the test: slot 0 releases a gated call, slot 1 says a gated call is blocking its thread,
 * slot 2 counts the backends closed after a gated check, slot 3 the checks running now and slot 4
 * the most that ran at once.
 */
import type { Backend } from '../../../src/main/backend'
import type { WorkerRole } from '../../../src/main/host/protocol'

export const GATE_RELEASED = 0
export const GATE_BLOCKED = 1
export const GATED_CHECKS_CLOSED = 2
export const CHECKS_RUNNING = 3
export const MOST_CHECKS_RUNNING = 4

function block(gate: Int32Array): void {
  Atomics.store(gate, GATE_BLOCKED, 1)
  Atomics.notify(gate, GATE_BLOCKED)
  // Blocks the whole thread, not just this call, until the test releases it.
  Atomics.wait(gate, GATE_RELEASED, 0)
}

export function instrument(backend: Backend, role: WorkerRole, data: unknown): Backend {
  const gate = new Int32Array(data as SharedArrayBuffer)
  const invoke = backend.invoke.bind(backend)
  const close = backend.close.bind(backend)
  let checked = false
  backend.close = () => {
    close()
    if (checked) Atomics.add(gate, GATED_CHECKS_CLOSED, 1)
  }
  backend.invoke = async (method, arg) => {
    const a = (arg ?? {}) as { name?: unknown; id?: unknown }
    if (role === 'writer' && method === 'createChronology' && a.name === 'gate') block(gate)
    if (role === 'reader' && method === 'checkArchive') {
      const running = Atomics.add(gate, CHECKS_RUNNING, 1) + 1
      for (let most = Atomics.load(gate, MOST_CHECKS_RUNNING); running > most; most = Atomics.load(gate, MOST_CHECKS_RUNNING)) {
        Atomics.compareExchange(gate, MOST_CHECKS_RUNNING, most, running)
      }
      if (Atomics.load(gate, GATE_RELEASED) === 0) {
        checked = true
        block(gate)
      }
      try {
        return await invoke(method, arg)
      } finally {
        Atomics.sub(gate, CHECKS_RUNNING, 1)
      }
    }
    if ((method === 'createChronology' && a.name === 'crash') || (method === 'getEvent' && a.id === 999_999)) {
      setImmediate(() => {
        throw new Error('instrumented crash')
      })
      return new Promise(() => undefined)
    }
    return invoke(method, arg)
  }
  return backend
}
