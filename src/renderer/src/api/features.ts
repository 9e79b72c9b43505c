/**
 * Which backend features this build's contract offers, as the views consume them. A view whose
 * feature is null is not shown; nothing here imitates the backend.
 */
import type { SearchBackend } from '../views/search/backend'

/** Search, suggestions and saved searches. */
export const searchBackend: SearchBackend | null = null
