import { useCallback, useState } from 'react'
import type { PassageAnchor, PassageDate, Stance } from '../../../shared/chronology'
import { suggestTitle } from '../../../shared/titles'
import type { ArticleDetail } from '../../../shared/types'
import { useApi } from '../data/context'
import { fetchApi, useApiMutation, useQueryClient } from '../data/hooks'

/**
 * The date a new event cited from a passage starts with: a date the text itself gives around the
 * passage beats the article's publication date, which is taken with its doubt (a guessed year
 * `2024-03-17?` stays a guess in the event); with neither, this year, marked as a guess.
 */
export function dateForCitedEvent(written: readonly PassageDate[], article: ArticleDetail, now = new Date()): string {
  return written[0]?.date.edtf ?? article.published?.edtf ?? `${now.getFullYear()}?`
}

export interface Citing {
  /** Cites the passage into a new event titled from the quote and dated from the text. */
  citeNew(anchor: PassageAnchor, stance: Stance): Promise<void>
  citeInto(eventId: number, anchor: PassageAnchor, stance: Stance): Promise<void>
  /** Dates written around the passage each new event was cited from, offered in its editor. */
  dateHints: Map<number, PassageDate[]>
  /** Titles made from the passage for new events, by event id: the editor offers them as suggestions. */
  suggestedTitles: ReadonlyMap<number, string>
}

interface Options {
  article: ArticleDetail | null
  /** New events join the chronology shown, if one is. */
  chronologyId: number | null
  /** A citation was stored in event `eventId`; `created` when the event is new (to edit it). */
  onCited(eventId: number, created: boolean): void
}

/** How a selected quote becomes an event or a citation of one. */
export function useCiting({ article, chronologyId, onCited }: Options): Citing {
  const client = useApi()
  const qc = useQueryClient()
  const [dateHints, setDateHints] = useState(new Map<number, PassageDate[]>())
  const [suggestedTitles, setSuggestedTitles] = useState<ReadonlyMap<number, string>>(new Map())
  const { run: createEvent } = useApiMutation('createEvent')
  const { run: addCitation } = useApiMutation('addCitation')

  const citeNew = useCallback(
    async (anchor: PassageAnchor, stance: Stance) => {
      if (!article) return
      // Without the passage's dates (the failure is reported) the event still gets the article's.
      const written = (await fetchApi(qc, client, 'datesForPassage', { articleId: article.id, start: anchor.start, end: anchor.end }).catch(() => undefined)) ?? []
      const event = await createEvent({
        title: suggestTitle(anchor.exact),
        date: dateForCitedEvent(written, article),
        ...(chronologyId !== null ? { chronologyIds: [chronologyId] } : {}),
        citations: [{ articleId: article.id, start: anchor.start, end: anchor.end, stance }]
      })
      if (!event) return
      if (written.length > 0) setDateHints((m) => new Map(m).set(event.id, written))
      setSuggestedTitles((m) => new Map(m).set(event.id, event.title))
      onCited(event.id, true)
    },
    [article, chronologyId, client, qc, createEvent, onCited]
  )

  const citeInto = useCallback(
    async (eventId: number, anchor: PassageAnchor, stance: Stance) => {
      if (!article) return
      const c = await addCitation({ eventId, articleId: article.id, start: anchor.start, end: anchor.end, stance })
      if (c) onCited(eventId, false)
    },
    [article, addCitation, onCited]
  )

  return { citeNew, citeInto, dateHints, suggestedTitles }
}
