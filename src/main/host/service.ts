import type { Backend } from '../backend'

/**
 * What a transport (Electron IPC, the HTTP server) needs from the backend. The threaded host
 * provides it in the app; an in-process Backend provides it in tests of the transports alone.
 */
export type BackendService = Pick<Backend, 'invoke' | 'invokeWire' | 'on' | 'importUploads'>
