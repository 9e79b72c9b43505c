import type { CommandSpec } from '../command'
import { archiveCommand } from './archive'
import { articleCommand } from './article'
import { backupCommand } from './backup'
import { checkCommand } from './check'
import { chronologyCommand } from './chronology'
import { completionCommand } from './completion'
import { entitiesCommand } from './entities'
import { eventsCommand } from './events'
import { exportCommand } from './export'
import { HELP_COMMAND } from './help'
import { importCommand } from './import'
import { listCommand } from './list'
import { restoreCommand } from './restore'
import { searchCommand } from './search'
import { serveCommand } from './serve'
import { showCommand } from './show'
import { statsCommand } from './stats'

/** Every CLI command, in the order `--help` lists them; parsing, help and completion all come from these. */
export const COMMANDS: readonly CommandSpec[] = [
  importCommand,
  listCommand,
  searchCommand,
  showCommand,
  statsCommand,
  eventsCommand,
  entitiesCommand,
  articleCommand,
  chronologyCommand,
  exportCommand,
  serveCommand,
  checkCommand,
  backupCommand,
  restoreCommand,
  archiveCommand,
  completionCommand(() => COMMANDS),
  HELP_COMMAND
]
