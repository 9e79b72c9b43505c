/**
 * Undo/redo for edits of the archive (events, articles, tags), persisted in the archive (tables from migration 003), so the
 * last MAX_ACTIONS actions survive a restart and are shared by the app and the CLI.
 *
 * How: while an action runs, per-connection TEMP triggers on every ordinary table write the SQL
 * that reverses each row change into `undo_log` (the technique of sqlite.org/undoredo.html).
 * Undo replays an action's log backwards (foreign keys deferred if needed), and the same triggers
 * capture the reverse of the replay, which becomes the action's redo log (and vice versa).
 * Triggers are generated from the live table definitions on first use per connection, so tables
 * and columns added by later migrations are covered without touching this file.
 */
import type { Db } from './db'
import { now } from './clock'
import { AnnalistError } from '../../shared/errors'
import type { UndoResult } from '../../shared/chronology'

/** How many actions are kept; older ones can no longer be undone. */
export const MAX_ACTIONS = 100

const EXCLUDED = new Set(['undo_actions', 'undo_log', 'undo_recording', 'settings', 'files'])

const prepared = new WeakSet<Db>()

interface ColumnInfo {
  name: string
  type: string
  pk: number
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** SQL text literal of a string (for embedding generated SQL inside trigger bodies). */
function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`
}

const TRIGGER_TARGET = /\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+(?:main\.)?["`[]?(\w+)/gi

/**
 * Tables that schema triggers write (search queues, generation counters): derived state that the
 * same triggers rebuild when undo replays the base rows, so journaling them too would apply every
 * change twice or wind a counter backwards. A view's INSTEAD OF trigger is no such thing: it is
 * how a write to the view reaches its table (`articles` and `article_store`, migration 028).
 */
function triggerMaintained(db: Db): Set<string> {
  const targets = new Set<string>()
  const triggers = db.prepare<[], { sql: string }>("SELECT sql FROM main.sqlite_master WHERE type = 'trigger'").all()
  for (const { sql } of triggers) {
    const begin = sql.search(/\bBEGIN\b/i)
    if (/\bINSTEAD\s+OF\b/i.test(sql.slice(0, begin))) continue
    const body = sql.slice(begin)
    for (const m of body.matchAll(TRIGGER_TARGET)) targets.add(m[1]!.toLowerCase())
  }
  return targets
}

function journaledTables(db: Db): string[] {
  const derived = triggerMaintained(db)
  return db
    .prepare<[], { name: string; type: string; schema: string }>('PRAGMA main.table_list')
    .all()
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && !EXCLUDED.has(t.name))
    .filter((t) => !derived.has(t.name.toLowerCase()))
    .map((t) => t.name)
}

function triggersFor(db: Db, table: string): string[] {
  const cols = db.prepare<[], ColumnInfo>(`PRAGMA main.table_info(${ident(table)})`).all()
  const pks = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
  const withoutRowid = db.prepare<[string], { sql: string }>('SELECT sql FROM main.sqlite_master WHERE name = ?').get(table)!
    .sql.toUpperCase()
    .includes('WITHOUT ROWID')
  const rowidAlias = pks.length === 1 && pks[0]!.type.toUpperCase() === 'INTEGER'
  const keyCols = withoutRowid || rowidAlias ? pks.map((c) => c.name) : ['rowid']
  const insertCols = rowidAlias || withoutRowid ? cols.map((c) => c.name) : ['rowid', ...cols.map((c) => c.name)]
  const where = (row: 'new' | 'old'): string =>
    keyCols.map((k, i) => `${lit(`${i ? ' AND ' : ''}${ident(k)} = `)} || quote(${row}.${ident(k)})`).join(' || ')
  const t = ident(table)
  const name = (op: string): string => ident(`undo_${table}_${op}`)
  const when = 'WHEN (SELECT action_id FROM main.undo_recording WHERE id = 1) IS NOT NULL'
  const log = (sqlExpr: string): string =>
    `INSERT INTO main.undo_log (action_id, sql) SELECT action_id, ${sqlExpr} FROM main.undo_recording WHERE id = 1;`
  // Only the columns the update changed are set back: replayed backwards, the row holds the new
  // values again, so the others are already what they were. An entity's counts moving took its
  // whole row (name, key, place) into the log, 211 bytes a row on average where the change takes 72,
  // and a boilerplate cleanup logs hundreds. For a key column it matters more: rewriting a parent
  // key, even to the same value, makes SQLite re-check every child table that references it.
  const assignments = cols.map(
    (c) => `CASE WHEN old.${ident(c.name)} IS new.${ident(c.name)} THEN '' ELSE ${lit(`, ${ident(c.name)} = `)} || quote(old.${ident(c.name)}) END`
  )
  const setList = `substr(${assignments.join(' || ')}, 3)`
  const changed = cols.map((c) => `old.${ident(c.name)} IS NOT new.${ident(c.name)}`).join(' OR ')
  const values = insertCols.map((c, i) => `${i ? "', ' || " : ''}quote(old.${ident(c)})`).join(' || ')
  return [
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('ins')} AFTER INSERT ON main.${t} ${when} BEGIN
       ${log(`${lit(`DELETE FROM ${t} WHERE `)} || ${where('new')}`)}
     END`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('upd')} AFTER UPDATE ON main.${t} ${when} AND (${changed}) BEGIN
       ${log(`${lit(`UPDATE ${t} SET `)} || ${setList} || ' WHERE ' || ${where('new')}`)}
     END`,
    `CREATE TEMP TRIGGER IF NOT EXISTS ${name('del')} AFTER DELETE ON main.${t} ${when} BEGIN
       ${log(`${lit(`INSERT INTO ${t} (${insertCols.map(ident).join(', ')}) VALUES (`)} || ${values} || ')'`)}
     END`
  ]
}

function ensureTriggers(db: Db): void {
  if (prepared.has(db)) return
  for (const table of journaledTables(db)) for (const sql of triggersFor(db, table)) db.exec(sql)
  // Made inside a caller's transaction (an import cleaning earlier articles), the triggers would
  // go with its rollback; they are taken as made only once created outside one.
  if (!db.inTransaction) prepared.add(db)
}

function recordingAction(db: Db): number | null {
  return db.prepare<[], { action_id: number | null }>('SELECT action_id FROM undo_recording WHERE id = 1').get()!.action_id
}

function setRecording(db: Db, actionId: number | null): void {
  db.prepare('UPDATE undo_recording SET action_id = ? WHERE id = 1').run(actionId)
}

/** What `journaledAction` returns: the callback's value and the action it was recorded under. */
export interface JournaledResult<T> {
  value: T
  /**
   * The undo action holding the changes (the outer one for a nested call), or null when the
   * action changed nothing and so left no history entry.
   */
  actionId: number | null
}

/**
 * Runs `fn` as one undoable action in one transaction. Nested calls join the outer action, so
 * composite edits (accept a proposal = create an event + cite) undo in one step.
 */
export function journaledAction<T>(db: Db, label: string, fn: () => T): JournaledResult<T> {
  ensureTriggers(db)
  return db.transaction((): JournaledResult<T> => {
    const outer = recordingAction(db)
    if (outer !== null) return { value: fn(), actionId: outer }
    db.prepare("DELETE FROM undo_log WHERE action_id IN (SELECT id FROM undo_actions WHERE state = 'undone')").run()
    db.prepare("DELETE FROM undo_actions WHERE state = 'undone'").run()
    const actionId = Number(
      db.prepare("INSERT INTO undo_actions (label, state, created_at) VALUES (?, 'done', ?)").run(label, now())
        .lastInsertRowid
    )
    setRecording(db, actionId)
    let value: T
    try {
      value = fn()
    } finally {
      setRecording(db, null)
    }
    const logged = db.prepare('SELECT 1 FROM undo_log WHERE action_id = ? LIMIT 1').get(actionId)
    if (!logged) db.prepare('DELETE FROM undo_actions WHERE id = ?').run(actionId)
    db.prepare(
      'DELETE FROM undo_log WHERE action_id IN (SELECT id FROM undo_actions ORDER BY id DESC LIMIT -1 OFFSET ?)'
    ).run(MAX_ACTIONS)
    db.prepare('DELETE FROM undo_actions WHERE id IN (SELECT id FROM undo_actions ORDER BY id DESC LIMIT -1 OFFSET ?)').run(
      MAX_ACTIONS
    )
    return { value, actionId: logged ? actionId : null }
  })()
}

/** `journaledAction` for callers that need only the value. */
export function journaled<T>(db: Db, label: string, fn: () => T): T {
  return journaledAction(db, label, fn).value
}

/**
 * Views that take writes through their triggers (a trigger on a view is INSTEAD OF): a table that
 * became one (`articles`, migration 028) still replays the entries logged while it was a table.
 */
function writableViews(db: Db): string[] {
  return db
    .prepare<[], string>(
      "SELECT DISTINCT t.tbl_name FROM main.sqlite_master t JOIN main.sqlite_master v ON v.name = t.tbl_name AND v.type = 'view' WHERE t.type = 'trigger'"
    )
    .pluck()
    .all()
}

/**
 * The archive file is user data that may come from someone else (a shared backup), so only the
 * three statement shapes the triggers write, on journaled tables, are ever executed from the log.
 */
function checkLogged(tables: ReadonlySet<string>, sql: string): void {
  const m = /^(?:INSERT INTO|UPDATE|DELETE FROM) "((?:[^"]|"")+)" (?:\(|SET |WHERE )/.exec(sql)
  if (!m || !tables.has(m[1]!.replace(/""/g, '"'))) {
    throw new AnnalistError('archive-invalid', `the undo history holds a statement Annalist did not write: ${sql.slice(0, 80)}`)
  }
}

/** Rows a replayed insert carries at most (see `batched`). */
const ROWS_PER_INSERT = 500

/**
 * The log's statements with each run of inserts into the same table and columns made one
 * multi-row insert, in the same order. Each logged statement is prepared anew (its values are in
 * its text), and preparing one compiles the triggers of its table: undoing the deletion of 100
 * of 100,000 generated articles replayed 34,688 statements, 7.8 s, most of it preparing them.
 */
function batched(statements: readonly string[]): string[] {
  const out: string[] = []
  let head = ''
  let rows: string[] = []
  const flush = (): void => {
    if (rows.length > 0) out.push(`${head} VALUES ${rows.join(', ')}`)
    rows = []
  }
  for (const statement of statements) {
    // Logged inserts read `INSERT INTO "t" ("a", "b") VALUES (…)`: only quoted names come before
    // the first ") VALUES (" (checkLogged has held the statement to that shape).
    const at = statement.startsWith('INSERT INTO ') ? statement.indexOf(') VALUES (') : -1
    if (at < 0) {
      flush()
      head = ''
      out.push(statement)
      continue
    }
    const columns = statement.slice(0, at + 1)
    if (columns !== head || rows.length >= ROWS_PER_INSERT) {
      flush()
      head = columns
    }
    rows.push(statement.slice(at + ') VALUES '.length))
  }
  flush()
  return out
}

/** Replays an action's log backwards; the triggers capture the reverse, which replaces the log. */
function replay(db: Db, actionId: number, label: string): void {
  const logged = db
    .prepare<[number], string>('SELECT sql FROM undo_log WHERE action_id = ? ORDER BY seq DESC')
    .pluck()
    .all(actionId)
  const tables = new Set([...journaledTables(db), ...writableViews(db)])
  for (const sql of logged) checkLogged(tables, sql)
  const statements = batched(logged)
  const run = (): void => {
    for (const sql of statements) db.prepare(sql).run()
  }
  setRecording(db, -actionId)
  try {
    try {
      db.transaction(run)()
    } catch (err) {
      // Rows removed by ON DELETE CASCADE can be logged before their parent, so replaying them
      // may insert a child first. Deferring foreign keys to commit fixes that, but the pragma
      // makes SQLite expire every prepared statement, so it is only paid when needed.
      if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw err
      db.pragma('defer_foreign_keys = ON')
      run()
    }
  } catch (err) {
    throw new AnnalistError(
      'conflict',
      `cannot reverse "${label}": later changes made outside the undo history get in the way (${(err as Error).message})`
    )
  } finally {
    setRecording(db, null)
  }
  db.prepare('DELETE FROM undo_log WHERE action_id = ?').run(actionId)
  db.prepare('UPDATE undo_log SET action_id = ? WHERE action_id = ?').run(actionId, -actionId)
}

function state(db: Db, label: string | null): UndoResult {
  const has = (s: string): boolean => !!db.prepare('SELECT 1 FROM undo_actions WHERE state = ? LIMIT 1').get(s)
  return { label, canUndo: has('done'), canRedo: has('undone') }
}

/**
 * Refuses `undo({ actionId })` unless that action is the latest one still done: reversing an
 * older action would have to tear through (or silently undo) the changes made after it.
 */
function requireLatest(db: Db, latest: { id: number } | undefined, actionId: number): void {
  if (latest?.id === actionId) return
  const target = db.prepare<[number], { label: string; state: string }>('SELECT label, state FROM undo_actions WHERE id = ?').get(actionId)
  if (!target) {
    throw new AnnalistError('conflict', 'that action is no longer in the undo history (later changes came after it); nothing was undone')
  }
  if (target.state === 'undone') throw new AnnalistError('conflict', `"${target.label}" is already undone`)
  throw new AnnalistError('conflict', `cannot undo "${target.label}": later changes came after it; nothing was undone`)
}

/**
 * Reverses the most recent action still done. With `actionId` (a notice's "Undo" of one
 * particular action) only that action is reversed, and only while it is the most recent one.
 */
export function undo(db: Db, actionId?: number): UndoResult {
  ensureTriggers(db)
  return db.transaction((): UndoResult => {
    const action = db
      .prepare<[], { id: number; label: string }>("SELECT id, label FROM undo_actions WHERE state = 'done' ORDER BY id DESC LIMIT 1")
      .get()
    if (actionId !== undefined) requireLatest(db, action, actionId)
    if (!action) return state(db, null)
    replay(db, action.id, action.label)
    db.prepare("UPDATE undo_actions SET state = 'undone' WHERE id = ?").run(action.id)
    return state(db, action.label)
  })()
}

/** Re-applies the most recently undone action. */
export function redo(db: Db): UndoResult {
  ensureTriggers(db)
  return db.transaction((): UndoResult => {
    const action = db
      .prepare<[], { id: number; label: string }>("SELECT id, label FROM undo_actions WHERE state = 'undone' ORDER BY id ASC LIMIT 1")
      .get()
    if (!action) return state(db, null)
    replay(db, action.id, action.label)
    db.prepare("UPDATE undo_actions SET state = 'done' WHERE id = ?").run(action.id)
    return state(db, action.label)
  })()
}

/** Whether undo and redo are currently possible, and the label undo would reverse. */
export function undoState(db: Db): UndoResult {
  const last = db
    .prepare<[], { label: string }>("SELECT label FROM undo_actions WHERE state = 'done' ORDER BY id DESC LIMIT 1")
    .get()
  return state(db, last?.label ?? null)
}
