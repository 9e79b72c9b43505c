// Child process for lock tests: opens an archive for writing, says so, and holds it until killed.
import { openArchive } from '../../src/main/archive/archive'
import { acquireLock } from '../../src/main/archive/lock'

const [mode, target] = process.argv.slice(2)
try {
  if (mode === 'archive') openArchive(target!)
  else acquireLock(target!)
  process.stdout.write(`ready ${process.pid}\n`)
} catch (err) {
  process.stdout.write(`refused ${(err as Error).message}\n`)
  process.exit(3)
}
setInterval(() => {}, 60_000)
