import type Database from 'better-sqlite3'

/** One schema step. `up` runs inside a transaction that also bumps `user_version` to `version`. */
export interface Migration {
  version: number
  name: string
  /**
   * Runs with foreign keys off (a table rebuild, which SQLite requires for changing a
   * constraint); every foreign key is checked before the transaction commits.
   */
  foreignKeysOff?: boolean
  up(db: Database.Database): void
}
