/**
 * JSON for the HTTP transport. Byte arrays (dropped files) travel as base64 objects; everything
 * else in the contract is plain JSON already.
 */
const BYTES_TAG = '$bytes'

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** Serialises a contract value for HTTP, keeping Uint8Array intact. */
export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { [BYTES_TAG]: toBase64(v) } : v
  )
}

/** Parses what `toWire` produced. */
export function fromWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const tagged = (v as Record<string, unknown>)[BYTES_TAG]
      if (typeof tagged === 'string' && Object.keys(v).length === 1) return fromBase64(tagged)
    }
    return v
  })
}
