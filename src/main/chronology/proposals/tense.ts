/**
 * Which way a clause points in time, for dates written without their year or week: a month or
 * weekday in a past-tense clause is the most recent one, in a future one ("will", "is set to",
 * "until") the next one. English only; other languages rely on their modifiers ("dernier").
 */

/** 'past', 'future', or null when the clause does not say (present tense, no verb found). */
export type Direction = 'past' | 'future' | null

// Checked first: "is scheduled to" ends in -ed but points forward; "until" bounds a coming time.
const FUTURE =
  /\b(?:will|won['’]t|shall|would|should|may|might|could|must|to\s+be|to\s+[a-z]+\s+(?:through|until|till)|(?:has|have|had)\s+been\s+(?:scheduled|set|planned|slated)|scheduled|slated|(?:is|are|was|were|be|been)\s+(?:set|scheduled|expected|due|slated|planned|poised|going|likely)\s+(?:to|for)|plans?\s+to|intends?\s+to|aims?\s+to|until|till|(?:postponed|delayed|adjourned|moved|pushed back)\s+(?:to|until)|upcoming|coming)\b|\w['’]ll\b/i
const IRREGULAR_PAST =
  'was|were|had|did|said|told|went|came|took|made|began|fell|rose|won|lost|left|met|saw|gave|got|held|led|paid|sold|spent|struck|hit|kept|found|sent|brought|bought|thought|became|ran|wrote|broke|chose|drove|grew|knew|spoke|stood|sat|flew|threw|shut|cut|quit|fought|caught|taught|sought|built|felt|heard|meant|rode|sank|shot|slid|stole|swore|tore|woke|wore|forgot|froze|hid|bit|beat|bore|dealt|fled|hung|lent|lit|swept|upheld|withdrew|overtook|undertook|oversaw|ago'
const PAST = new RegExp(`\\b(?:${IRREGULAR_PAST}|[a-z]{2,}(?:ed|ied))\\b`, 'i')
// -ed words that are rarely past-tense verbs in news copy.
const NOT_VERBS = /\b(?:need|speed|seed|feed|bleed|breed|creed|greed|reed|weed|bed|red|shed|wed|hundred|sacred|naked|wicked|kindred|embed)\b/gi

const PASSIVE = /\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?([a-z]+)\b/gi

/**
 * The direction of the verb nearest the date in the clause (`at` is the date's offset in it):
 * "Apple announced Friday that it will…" is past for Friday, whatever comes after.
 */
export function clauseDirection(clause: string, at = 0): Direction {
  const blank = (w: string): string => ' '.repeat(w.length)
  // The month May is not the modal "may".
  const plain = clause.replace(NOT_VERBS, blank).replace(/\bMay\b/g, blank)
  // "will be finalized", "is officially reported": the auxiliary carries the tense, not the participle.
  const active = plain.replace(PASSIVE, (all: string, participle: string) => all.slice(0, all.length - participle.length) + blank(participle))
  let best: { distance: number; direction: Direction } | null = null
  for (const [re, direction, text] of [[FUTURE, 'future', plain], [PAST, 'past', active]] as const) {
    for (const m of text.matchAll(new RegExp(re.source, 'gi'))) {
      const distance = Math.min(Math.abs(m.index - at), Math.abs(m.index + m[0].length - at))
      // A future marker wins a tie: "is scheduled" holds both.
      if (!best || distance < best.distance) best = { distance, direction }
    }
  }
  return best?.direction ?? null
}
