/** Tags on articles, as the Library and the Reader see them. */

/** One tag used on articles and how many articles carry it (autocomplete, most used first). */
export interface ArticleTagCount {
  name: string
  count: number
}

/** What a bulk tag change did: article–tag links added and removed. */
export interface TagArticlesResult {
  added: number
  removed: number
}

/** The search-box query that finds the articles carrying `name` (quoted when it needs to be; names hold no quotes). */
export function tagQuery(name: string): string {
  return /^[^\s()"]+$/.test(name) ? `tag:${name}` : `tag:"${name}"`
}
