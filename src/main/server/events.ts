import type { ServerResponse } from 'node:http'
import { API_EVENTS } from '../../shared/api'
import { toWire } from '../../shared/wire'
import type { BackendService } from '../host/service'

/** Open event streams at once; one per open tab is the normal use, so eight is plenty. */
export const MAX_EVENT_STREAMS = 8

/** The server-sent event streams of the open pages, at most `max` at once, each sent every backend event. */
export class EventStreams {
  private readonly streams = new Set<ServerResponse>()
  private readonly unsubscribers: (() => void)[]

  constructor(
    backend: BackendService,
    readonly max: number = MAX_EVENT_STREAMS
  ) {
    this.unsubscribers = API_EVENTS.map((event) =>
      backend.on(event, (payload) => {
        const frame = `event: ${event}\ndata: ${toWire(payload)}\n\n`
        for (const s of this.streams) s.write(frame)
      })
    )
  }

  /** Starts a stream on `res`; false (nothing written) when `max` are already open. */
  open(res: ServerResponse): boolean {
    if (this.streams.size >= this.max) return false
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
    res.write(': connected\n\n')
    this.streams.add(res)
    res.on('close', () => this.streams.delete(res))
    return true
  }

  close(): void {
    for (const u of this.unsubscribers) u()
    for (const s of this.streams) s.end()
    this.streams.clear()
  }
}
