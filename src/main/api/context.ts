import type { AnnalistEvents, ApiEvent } from '../../shared/api'
import type { Archive } from '../archive/archive'

/** What every API area needs: the open archive and a way to push events to the UI. */
export interface BackendContext {
  /** The archive currently open; may change when the user switches archives. */
  readonly archive: Archive
  emit<E extends ApiEvent>(event: E, payload: AnnalistEvents[E]): void
  /** Imports under way; the archive may not be switched while any runs on it. */
  readonly activity: { imports: number }
}
