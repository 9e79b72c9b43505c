/**
 * zod building blocks the contract's argument schemas share. The table is written with zod/mini,
 * whose functions tree-shake: the preload and the renderer carry the table for its method list,
 * and the full zod would add about 180 kB to each.
 */
import * as z from 'zod/mini'
import { SEARCH_SORTS } from '../search'

/** A string of `min` to `max` characters. */
export const text = (min: number, max: number): z.ZodMiniString<string> => z.string().check(z.minLength(min), z.maxLength(max))
/** A whole number from `min` (to `max`). */
export const whole = (min: number, max?: number): z.ZodMiniInt =>
  max === undefined ? z.int().check(z.gte(min)) : z.int().check(z.gte(min), z.lte(max))
/** A list of `min` to `max` items. */
export const list = <T extends z.core.SomeType>(item: T, min: number, max: number): z.ZodMiniArray<T> => z.array(item).check(z.minLength(min), z.maxLength(max))

/** A row id. */
export const id = whole(1)
/** A character offset into an article's clean text. */
export const offset = whole(0)
/** A file or folder on this machine. */
export const path = text(1, 4096)
/** The argument of a method that takes nothing. */
export const none = z.strictObject({})
/** An import batch's id (the caller's, so it can cancel by it). */
export const batchId = text(1, 100)
/** The name a file arrived under, when it came without a path. */
export const fileName = text(1, 1024)
/** An EDTF date string; the backend parses it and says why when it does not. */
export const edtf = text(1, 100)
/** A person, place, tag or outlet name. */
export const name = text(0, 500)
/** A prefix typed into an autocomplete field. */
export const prefix = text(0, 500)
/** Free text: a note or a description. */
export const note = text(0, 1_000_000)
/** A search-box query. */
export const query = text(0, 10_000)
/** Orders a search can be sorted in. */
export const searchSort = z.enum(SEARCH_SORTS)
/** An optional flag. */
export const flag = z.optional(z.boolean())
