/**
 * The readers a host starts with are started beside the writer, so loading their code (a good
 * part of a cold start) overlaps the writer's; they open the archive only once the writer has
 * created or upgraded it, or stop unopened when the writer could not open it. A flag in shared
 * memory, not a message: a reader blocks on it before it listens to its port, so no message can
 * arrive before the handler that takes it.
 */

const WAITING = 0
const OPEN = 1
const STOP = 2

/** Shared with the readers through their workerData. */
export type OpenGate = Int32Array

export function newOpenGate(): OpenGate {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
}

/** Lets the waiting readers open the archive (`open`) or stop without opening it. */
export function releaseOpenGate(gate: OpenGate, open: boolean): void {
  Atomics.store(gate, 0, open ? OPEN : STOP)
  Atomics.notify(gate, 0)
}

/** Blocks the calling reader until the gate is released; true when it may open the archive. */
export function passOpenGate(gate: OpenGate): boolean {
  Atomics.wait(gate, 0, WAITING)
  return Atomics.load(gate, 0) === OPEN
}
