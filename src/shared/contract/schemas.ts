/** zod building blocks the contract's argument schemas share. */
import { z } from 'zod'
import { SEARCH_SORTS } from '../search'

/** A row id. */
export const id = z.number().int().positive()
/** A character offset into an article's clean text. */
export const offset = z.number().int().min(0)
/** A file or folder on this machine. */
export const path = z.string().min(1).max(4096)
/** The argument of a method that takes nothing. */
export const none = z.object({}).strict()
/** An import batch's id (the caller's, so it can cancel by it). */
export const batchId = z.string().min(1).max(100)
/** The name a file arrived under, when it came without a path. */
export const fileName = z.string().min(1).max(1024)
/** An EDTF date string; the backend parses it and says why when it does not. */
export const edtf = z.string().min(1).max(100)
/** A person, place, tag or outlet name. */
export const name = z.string().max(500)
/** A prefix typed into an autocomplete field. */
export const prefix = z.string().max(500)
/** Free text: a note or a description. */
export const note = z.string().max(1_000_000)
/** A search-box query. */
export const query = z.string().max(10_000)
/** Orders a search can be sorted in. */
export const searchSort = z.enum(SEARCH_SORTS)
