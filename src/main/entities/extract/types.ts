/**
 * What the extractor proposes: spans of people, organisations and places in one text. Grouping
 * the spans into entities (name keys, renames) is the archive's job, not the extractor's.
 */

import type { NamedKind } from '../../../shared/entities'

export type { NamedKind }

/**
 * A place found in the gazetteer: coordinates of the town, or of a country's or state's capital.
 * `geonameId` is a town's own id (the same town in any language shares it); countries and states have none.
 */
export interface PlaceRef {
  lat: number
  lon: number
  /** ISO 3166-1 alpha-2. */
  country: string | null
  geonameId?: number
}

export interface RawMention {
  /** JS string offsets into the text given, end exclusive: `text.slice(start, end) === mention.text`. */
  start: number
  end: number
  text: string
  kind: NamedKind
  /** Places found in the gazetteer. */
  place: PlaceRef | null
  /**
   * The canonical name a mention of a known place or country resolves to ("Russia" for "Russian
   * Federation", "Москва" for "Москве"), else null.
   */
  canonical: string | null
  /**
   * Nothing in the text said what this name is; it was taken for an organisation as a last resort.
   * The archive may know better from other articles (`entities/store`).
   */
  guessed?: true
}
