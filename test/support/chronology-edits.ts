import type { Db } from '../../src/main/archive/db'

/** The chronology every event of the kill test belongs to. */
export const KILL_CHRONOLOGY = 'Kill test'

/** The child stops after this step; citation slots stay unique up to here (see citationSlot). */
export const LAST_STEP = 1500

/** Dates of every precision and qualifier the events get, so sort keys of each kind are written. */
export const EDIT_DATES = ['2021-03-04', '2021-03', '2021', '2021-03-04T10:15', '2020-12-31T23:59:30+05:30', '2021?', '2021-03~', '1999-07-01%', '2022-02-28']

export type EditOp = 'create' | 'cite' | 'redate' | 'merge'

/** What step n does: mostly creates, then citations, re-dates and merges once there are events. */
export function stepOp(n: number, events: number): EditOp {
  if (events < 3 || n % 2 === 0) return 'create'
  return (['cite', 'redate', 'merge'] as const)[Math.floor(n / 2) % 3]!
}

/**
 * A passage no other (step, index) cites: merges drop a citation the target already has, which
 * would make counts ambiguous, so every slot is a distinct (article, start) pair.
 */
export function citationSlot(articles: { id: number; len: number }[], n: number, i: number): { articleId: number; start: number; end: number } {
  const g = n * 4 + i
  const article = articles[g % articles.length]!
  const start = Math.floor(g / articles.length)
  if (start + 12 > article.len) throw new Error(`slot ${g} does not fit article ${article.id}: seed longer articles or fewer steps`)
  return { articleId: article.id, start, end: start + 12 }
}

/** Where a resumed child carries on: after the highest step that left a trace (an event segment or a citation). */
export function nextStep(db: Db): number {
  let max = 0
  for (const note of db.prepare('SELECT note FROM events').pluck().all() as string[]) {
    for (const m of note.matchAll(/seg:(\d+):/g)) max = Math.max(max, Number(m[1]))
  }
  for (const note of db.prepare("SELECT note FROM citations WHERE note LIKE 'x%'").pluck().all() as string[]) {
    max = Math.max(max, Number(note.slice(1)))
  }
  return max + 1
}
