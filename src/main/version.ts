import pkg from '../../package.json'

/** The app version from package.json. */
export const APP_VERSION: string = pkg.version

/**
 * The version of the rules that find names in a text and group them into entities
 * (`entities/extract`, `entities/group`). Raise it with any change that makes an article's stored
 * names come out differently: an archive opened by a build with a higher number marks every
 * article read before as stale (`archive/repo/entity-rules`), and the app offers to read them
 * again. Archives before it was kept count as stale from the start.
 * 2: a place's division word ("Parwan Province") is dropped from its key, and teaches the bare
 * name; a body's name goes on with "for (the)" ("Front for the Salvation of Afghanistan"); "the
 * West" is a region; a person's a/e/i are folded in the key (Ahmad and Ahmed are one person).
 */
export const ENTITY_RULES_VERSION = 2
