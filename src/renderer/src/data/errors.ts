/** The one place an error becomes the sentence the user is shown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
