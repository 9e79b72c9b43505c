import type { Archive } from '../../../src/main/archive/archive'
import type { ParsedArticle } from '../../../src/main/archive/parsed-article'
import { getArticle } from '../../../src/main/archive/repo/articles'
import type { FoundMention } from '../../../src/main/entities/group'
import { storeArticleMentions } from '../../../src/main/entities/store'
import type { NamedKind } from '../../../src/shared/entities'
import { addArticle } from '../chronology/helpers'

/**
 * Adds an article of one paragraph and stores a mention of each name at its first place in the
 * text, as an extractor would report it; `place` gives a name its gazetteer entry.
 */
export function addArticleNaming(
  archive: Archive,
  text: string,
  names: readonly (readonly [string, NamedKind])[],
  options: { extra?: Partial<ParsedArticle>; place?: (name: string, kind: NamedKind) => FoundMention['place'] } = {}
): number {
  const id = addArticle(archive, [text], options.extra)
  const body = getArticle(archive.db, id).text
  const found: FoundMention[] = names.map(([name, kind]) => {
    const start = body.indexOf(name)
    return { start, end: start + name.length, text: name, kind, canonical: null, place: options.place?.(name, kind) ?? null }
  })
  archive.db.transaction(() => storeArticleMentions(archive.db, id, found))()
  return id
}
