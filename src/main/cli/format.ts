import type { PublishedDate } from '../../shared/types'

/** `2021-09-01 (dateline)` for terminal output. */
export function formatPublished(p: PublishedDate | null): string | null {
  return p ? `${p.edtf} (${p.provenance})` : null
}
