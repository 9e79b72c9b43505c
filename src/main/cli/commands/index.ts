import type { Command } from '../command'
import { archiveCommand } from './archive'
import { articleCommand } from './article'
import { backupCommand } from './backup'
import { checkCommand } from './check'
import { chronologyCommand } from './chronology'
import { eventsCommand } from './events'
import { exportCommand } from './export'
import { importCommand } from './import'
import { listCommand } from './list'
import { restoreCommand } from './restore'
import { searchCommand } from './search'
import { serveCommand } from './serve'
import { showCommand } from './show'
import { statsCommand } from './stats'

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [importCommand, listCommand, searchCommand, showCommand, statsCommand, eventsCommand, articleCommand, chronologyCommand, exportCommand, serveCommand, checkCommand, backupCommand, restoreCommand, archiveCommand]
