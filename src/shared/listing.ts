/**
 * Names in running prose: "A", "A and B", "A, B and C"; past `max` names the rest are counted
 * ("A, B, C and 4 more") so a message about hundreds of items stays one readable line.
 */
export function listed(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? ''
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** A title in the curly quotes the app's messages use around names. */
export function quoted(title: string): string {
  return `“${title}”`
}
