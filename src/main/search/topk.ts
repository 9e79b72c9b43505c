/**
 * Indices of the `k` smallest keys (ties: smaller id first), in order, without sorting the
 * whole candidate list: a bounded max-heap, O(n log k), since a common word can match 50,000
 * articles while a page shows 20.
 */
export function topK(keys: Float64Array, ids: readonly number[], k: number): number[] {
  const n = keys.length
  if (k <= 0 || n === 0) return []
  // worse(a, b): candidate a ranks after candidate b.
  const worse = (a: number, b: number): boolean => keys[a]! > keys[b]! || (keys[a] === keys[b] && ids[a]! > ids[b]!)
  const heap: number[] = []
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  const up = (i: number): void => {
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!worse(heap[i]!, heap[p]!)) return
      ;[heap[i], heap[p]] = [heap[p]!, heap[i]!]
      i = p
    }
  }
  for (let i = 0; i < n; i++) {
    // Most candidates lose to the current k-th best on the key alone.
    if (heap.length === k && keys[i]! > keys[heap[0]!]!) continue
    if (heap.length < k) {
      heap.push(i)
      up(heap.length - 1)
    } else if (worse(heap[0]!, i)) {
      heap[0] = i
      down(0)
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0))
}
