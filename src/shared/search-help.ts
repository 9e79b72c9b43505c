/** The search language, for the app's help popover (the README's "Search syntax" says the same). */
export const SEARCH_HELP: readonly { syntax: string; meaning: string }[] = [
  { syntax: 'taliban kabul', meaning: 'articles with all the words, anywhere in the article' },
  { syntax: '"armed confrontation"', meaning: 'the exact phrase; a quoted single word is matched exactly, never fuzzily' },
  { syntax: 'panjshir OR parwan', meaning: 'either word' },
  { syntax: 'taliban -kabul   NOT kabul', meaning: 'leave out articles with the word' },
  { syntax: '(ambush OR attack) baghlan', meaning: 'group with parentheses' },
  { syntax: 'NEAR(masood ambush, 5)', meaning: 'the words within 5 words of each other (default 10)' },
  { syntax: 'taliba*', meaning: 'words starting with taliba' },
  {
    syntax: 'masood~',
    meaning:
      'other spellings too: transliterations (Massoud, Masoud, Масуд; Qaddafi, Kadhafi, Gaddafi) and, for longer words, a typo or two; the Fuzzy switch does this for every word of 4+ letters. Click a spelling under the box to drop it for this query'
  },
  { syntax: 'title:ambush   title:"last outpost"', meaning: 'in the headline' },
  { syntax: 'outlet:tass   outlet:"al jazeera"', meaning: 'from that outlet (name, alias, or part of the name); outlet:a OR outlet:b for either' },
  { syntax: 'byline:hakim   place:kabul', meaning: 'byline or dateline place contains the text; place: also finds articles mentioning the place, in any spelling' },
  { syntax: 'person:masood   org:taliban', meaning: 'mentions that person or organisation, under any of its spellings (Massoud, Masood, Масуд)' },
  { syntax: 'lang:en', meaning: 'in that language (en also matches en-GB)' },
  { syntax: 'after:2021-08-15   before:2021-09', meaning: 'published on or after / on or before (YYYY, YYYY-MM or YYYY-MM-DD); an article dated only to a month or year matches if any day of it fits; one whose year is unknown never matches, a guessed year (2024-03-17?) counts as that year' },
  { syntax: 'tag:ambush   has:events', meaning: 'tagged so / cited by a chronology event' },
  { syntax: 'has:unknown-year', meaning: 'publication year unknown (dated "17 Mar (year unknown)")' },
  { syntax: '-outlet:tass', meaning: 'a "-" before a filter excludes' }
]

/** Shown under the table: how unreadable syntax is treated. */
export const SEARCH_HELP_NOTE =
  'Nothing you type is an error: an unmatched quote, a stray OR or a lone "-" is read as plain words, and the box says how it read your query.'
