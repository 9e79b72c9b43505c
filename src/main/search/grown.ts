/** A copy of `array` with room for at least `length` (twice its size, at least 1,024). */
export function grown(array: Int32Array, length: number): Int32Array<ArrayBuffer>
export function grown(array: Uint8Array, length: number): Uint8Array<ArrayBuffer>
export function grown(array: Float64Array, length: number): Float64Array<ArrayBuffer>
export function grown(array: Int32Array | Uint8Array | Float64Array, length: number): Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer> {
  const size = Math.max(length, array.length * 2, 1024)
  const copy = array instanceof Uint8Array ? new Uint8Array(size) : array instanceof Float64Array ? new Float64Array(size) : new Int32Array(size)
  copy.set(array)
  return copy
}
