/** ISO timestamp for created/updated columns. */
export function now(): string {
  return new Date().toISOString()
}
