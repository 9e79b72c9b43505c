import { publishedDoubt } from '../../shared/published'
import type { PublishedDate, SharedParagraph } from '../../shared/types'

const DOUBT: Record<ReturnType<typeof publishedDoubt>, string> = { proven: '', guessed: ', year guessed', 'unknown-year': ', year unknown' }

/** `2021-09-01 (dateline)`, `2024-03-17? (file, year guessed)`, `XXXX-03-17 (dateline, year unknown)` for terminal output. */
export function formatPublished(p: PublishedDate | null): string | null {
  return p ? `${p.edtf} (${p.provenance}${DOUBT[publishedDoubt(p)]})` : null
}

/** `¶6=¶5, ¶6=¶6`: shared paragraph pairs, this article's ordinal first. */
export function formatSharedParagraphs(pairs: readonly SharedParagraph[]): string {
  return pairs.map((p) => `¶${p.ordinal}=¶${p.otherOrdinal}`).join(', ')
}
