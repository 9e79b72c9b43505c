/**
 * The user's corrections as extraction applies them: which entity a freshly extracted mention
 * belongs to, given its extracted key and spelling. Pure; the rows come from
 * `archive/repo/entity-decisions`.
 */
import type { NamedKind } from '../../shared/entities'
import { spellingOf } from './group'

export const DECISION_ACTIONS = ['merge', 'split', 'rename', 'hide'] as const
export type DecisionAction = (typeof DECISION_ACTIONS)[number]

/** One stored decision: merge key→target key, split spelling→own key, rename key→name, hide key. */
export interface Decision {
  kind: NamedKind
  action: DecisionAction
  subject: string
  value: string
}

/** Merges are kept flat when made, but a chain left by undoing a middle step is still followed this far. */
const MAX_CHAIN = 32

/** Reads one decision's value: from all of them loaded (`Decisions`), or from the archive itself. */
export type DecisionGet = (kind: NamedKind, action: DecisionAction, subject: string) => string | undefined

/**
 * The key a mention resolves to: its spelling's split first, then merges, followed to their end.
 * A search filter resolves one name and reads only the decisions on its way (`entities/lookup.ts`);
 * storing articles resolves thousands and reads them all first.
 */
export function resolveDecidedKey(get: DecisionGet, kind: NamedKind, key: string, text: string): string {
  let k = get(kind, 'split', spellingOf(text)) ?? key
  const seen = new Set([k])
  for (let i = 0; i < MAX_CHAIN; i++) {
    const next = get(kind, 'merge', k)
    if (next === undefined || seen.has(next)) break
    seen.add(next)
    k = next
  }
  return k
}

/** Decisions indexed for resolving many mentions. */
export class Decisions {
  private readonly byKey = new Map<string, string>()
  /** Every kind and key a decision names, as its subject or as where it leads. */
  private readonly named = new Set<string>()

  constructor(rows: readonly Decision[]) {
    for (const d of rows) {
      this.byKey.set(`${d.kind}\u0000${d.action}\u0000${d.subject}`, d.value)
      this.named.add(`${d.kind}\u0000${d.subject}`)
      if (d.action === 'merge' || d.action === 'split') this.named.add(`${d.kind}\u0000${d.value}`)
    }
  }

  /** Whether the user decided anything about the entity of this kind and key. */
  touches(kind: NamedKind, key: string): boolean {
    return this.named.has(`${kind}\u0000${key}`)
  }

  get(kind: NamedKind, action: DecisionAction, subject: string): string | undefined {
    return this.byKey.get(`${kind}\u0000${action}\u0000${subject}`)
  }

  /** The key a mention resolves to (`resolveDecidedKey`). */
  resolve(kind: NamedKind, key: string, text: string): string {
    return resolveDecidedKey((k, a, s) => this.get(k, a, s), kind, key, text)
  }
}
