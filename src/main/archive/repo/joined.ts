/**
 * Many rows read as a few: SQLite's `group_concat` joins a group's integers into one string,
 * parsed here. Stepping better-sqlite3 through millions of rows one by one costs several times
 * SQLite's own scan; a row per group and this parse cost a fraction of it.
 */

/** Calls `each` with the non-negative integers of a `group_concat` (comma-separated), in the order joined. */
export function forEachJoinedId(joined: string, each: (id: number) => void): void {
  let value = 0
  for (let i = 0; i <= joined.length; i++) {
    const code = i < joined.length ? joined.charCodeAt(i) : 44
    if (code === 44) {
      each(value)
      value = 0
    } else value = value * 10 + code - 48
  }
}

/** The non-negative integers of a `group_concat` (comma-separated), in the order joined. */
export function joinedIds(joined: string): number[] {
  const ids: number[] = []
  forEachJoinedId(joined, (id) => ids.push(id))
  return ids
}
