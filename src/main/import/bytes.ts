/**
 * Chunks joined into one buffer of exactly their size. A buffer sent to a parse worker is
 * structured-cloned with its whole backing store, so bytes must never sit in a larger one.
 */
export function concatExact(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const only = chunks[0]
  if (chunks.length === 1 && only!.byteOffset === 0 && only!.byteLength === only!.buffer.byteLength) return only!
  const bytes = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.byteLength
  }
  return bytes
}
