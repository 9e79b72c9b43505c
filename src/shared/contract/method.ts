/** The shape of one row of the contract table, and the helper that writes one. */
import type * as z from 'zod/mini'

/**
 * 'write': the method changes the archive and runs on the one writer, in order. 'read': it only
 * reads, so any reader connection may answer it beside a running write.
 */
export type Access = 'read' | 'write'

declare const RESULT: unique symbol

/** A type-level marker of what a method resolves to; nothing is checked at run time. */
export interface Returns<T> {
  readonly [RESULT]?: T
}

/** `returns<ArchiveInfo>()`: the result marker of a table row. */
export function returns<T>(): Returns<T> {
  return {}
}

/** Argument fields that hold one path or a list of paths. */
type PathField<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends string | readonly string[] ? K : never
}[keyof T] &
  string

/** One method of the contract: what it takes, what it returns, whether it writes, which fields are paths. */
export interface MethodSpec<A extends z.ZodMiniType = z.ZodMiniType, R = unknown> {
  /** Validates the one argument object before any handler runs. */
  args: A
  result: Returns<R>
  access: Access
  /**
   * A read that runs for seconds over the whole archive (a check, a backup). The host starts a
   * reader thread for it alone and ends it after: on the pool's readers its synchronous steps
   * (SQLite's integrity check, FTS5's) held every search sent to the same thread for seconds.
   */
  long?: true
  /**
   * Argument fields naming files or folders on this machine. Electron and browser mode let only
   * paths the person chose (or what lies inside them) through.
   */
  paths?: readonly PathField<z.input<A>>[]
}

/** A table row, typed so `paths` can only name string fields of the argument. */
export function method<A extends z.ZodMiniType, R>(spec: MethodSpec<A, R>): MethodSpec<A, R> {
  return spec
}
