/**
 * Issue 17's search targets, each printed with what a run measured and, in process, raw FTS5's
 * figure beside it: the issue asks for p50, p95 and max for every query class, not only over the
 * mix, so each class over a target is named.
 */
export const SEARCH_TARGETS = { p50Ms: 8, p95Ms: 25, maxMs: 100, rawRatio: 1.2, firstAnswerMs: 500, rssMb: 300 } as const

/** How much the server's memory may rise from the first round to the last and still count as not growing. */
const GROWTH_ALLOWED = 0.05

export interface Stats {
  p50: number
  p95: number
  max: number
}

export interface ClassStats {
  kind: string
  ours: Stats
  /** Raw FTS5 on the same words, where the class has such a baseline and the run measured it. */
  raw: Stats | null
}

const met = (ok: boolean): string => (ok ? 'met' : 'NOT met')

/** A target over the mix and per class: the mix's figure, then the classes over the target. */
function perClass(label: string, target: number, mix: number, classes: readonly ClassStats[], pick: (s: Stats) => number): string {
  const over = classes.filter((c) => pick(c.ours) > target)
  const classPart = over.length === 0 ? 'every class within it' : `over it: ${over.map((c) => `${c.kind} ${pick(c.ours)} ms`).join(', ')}`
  return `  ${label} ≤ ${target} ms: over the mix ${mix} ms (${met(mix <= target)}); ${classPart} (${met(over.length === 0 && mix <= target)} per class)`
}

/** The target lines of a run through the API in process, each class's p95 beside raw FTS5's. */
export function inProcessTargets(classes: readonly ClassStats[], mix: Stats): string[] {
  const ratios = classes.flatMap((c) => (c.raw ? [{ kind: c.kind, ratio: c.ours.p95 / c.raw.p95, ours: c.ours.p95, raw: c.raw.p95 }] : []))
  const over = ratios.filter((r) => r.ratio > SEARCH_TARGETS.rawRatio)
  return [
    'targets (issue 17), in process:',
    `  p95 ≤ ${SEARCH_TARGETS.rawRatio}× raw FTS5 per class: ${ratios.map((r) => `${r.kind} ${r.ours} / ${r.raw} ms = ${r.ratio.toFixed(2)}×`).join(', ')} (${met(over.length === 0)}${over.length ? `: ${over.map((r) => r.kind).join(', ')}` : ''})`,
    perClass('max', SEARCH_TARGETS.maxMs, mix.max, classes, (s) => s.max)
  ]
}

/** The target lines of a run over HTTP against `annalist serve`; `rss` in MB after each round. */
export function servedTargets(classes: readonly ClassStats[], mix: Stats, firstAnswerMs: number, rss: readonly { queries: number; mb: number }[]): string[] {
  const lines = [
    'targets (issue 17), served:',
    `  first answer ≤ ${SEARCH_TARGETS.firstAnswerMs} ms: ${firstAnswerMs.toFixed(0)} ms (${met(firstAnswerMs <= SEARCH_TARGETS.firstAnswerMs)})`,
    perClass('p50', SEARCH_TARGETS.p50Ms, mix.p50, classes, (s) => s.p50),
    perClass('p95', SEARCH_TARGETS.p95Ms, mix.p95, classes, (s) => s.p95),
    perClass('max', SEARCH_TARGETS.maxMs, mix.max, classes, (s) => s.max)
  ]
  const first = rss[0]
  const last = rss.at(-1)
  if (first && last) {
    const under = first.mb <= SEARCH_TARGETS.rssMb
    const verdict =
      rss.length > 1
        ? `${met(under && last.mb <= first.mb * (1 + GROWTH_ALLOWED))}; growing is more than ${GROWTH_ALLOWED * 100} % from the first round to the last`
        : `${met(under)} for the size; growth needs more rounds (--rounds 3)`
    const figures = rss.map((r) => `${r.mb.toFixed(0)} MB after ${r.queries}`).join(', ')
    lines.push(`  RSS ≤ ${SEARCH_TARGETS.rssMb} MB after ${first.queries} queries, not growing: ${figures} (${verdict})`)
  }
  return lines
}
