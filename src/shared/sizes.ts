/** A byte count as the CLI and the archive's own messages print it: `1331.2 MB`. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
