import type { PublishedDate } from '../../../shared/types'

/** An article's publication date as stored: three columns, all set or all null. */
export interface PublishedColumns {
  published_edtf: string | null
  published_precision: PublishedDate['precision'] | null
  published_provenance: PublishedDate['provenance'] | null
}

/** The publication date of a row carrying PublishedColumns; null unless all three are set. */
export function publishedOf(row: PublishedColumns): PublishedDate | null {
  if (!row.published_edtf || !row.published_precision || !row.published_provenance) return null
  return { edtf: row.published_edtf, precision: row.published_precision, provenance: row.published_provenance }
}
