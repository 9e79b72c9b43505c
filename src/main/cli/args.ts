/** Reading a command's positionals and option values into API arguments, with messages that show an example. */
import { AnnalistError } from '../../shared/errors'
import type { OptionValues } from './command'

/** A positive whole-number id, or `invalid-argument` saying what `usage` needs. */
export function positiveId(raw: string | undefined, usage: string, what = 'a numeric id', example = '12'): number {
  const n = Number(raw)
  if (raw === undefined || !Number.isInteger(n) || n < 1) throw new AnnalistError('invalid-argument', `${usage} needs ${what}, e.g. ${example}`)
  return n
}

/** Every positional as an id: at least one, all positive whole numbers. */
export function positiveIds(raws: readonly string[], usage: string, what: string, example: string): number[] {
  const ids = raws.map(Number)
  if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n < 1)) throw new AnnalistError('invalid-argument', `${usage} needs ${what}, e.g. ${example}`)
  return ids
}

/** A text option's value, or undefined when not given. */
export function text(values: OptionValues, name: string): string | undefined {
  const v = values[name]
  return typeof v === 'string' ? v : undefined
}

/** A repeatable option's values, or undefined when not given. */
export function texts(values: OptionValues, name: string): string[] | undefined {
  const v = values[name]
  if (v === undefined || typeof v === 'boolean') return undefined
  return Array.isArray(v) ? v : [v]
}

/** `value` when it is one of `allowed`; `invalid-argument` listing them otherwise. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value)) throw new AnnalistError('invalid-argument', `--${flag} "${value}" is not one of ${allowed.join(', ')}`)
  return value as T
}

/** A whole-number option within bounds, `fallback` when not given. */
export function wholeNumber(values: OptionValues, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER, range?: string): number {
  const raw = text(values, name)
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new AnnalistError('invalid-argument', `--${name} takes ${range ?? (min > 0 ? 'a positive whole number' : 'a whole number')}`)
  }
  return n
}
