// Child process for online-backup tests: keeps adding articles (one transaction each) until killed.
import { openArchive } from '../../src/main/archive/archive'
import { seedArticles } from './archive-seed'

const archive = openArchive(process.argv[2]!)
let batch = 1000
const step = (): void => {
  seedArticles(archive, 5, batch++)
  if (batch === 1001) process.stdout.write('ready\n')
  setImmediate(step)
}
step()
