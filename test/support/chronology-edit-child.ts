// Child process for the chronology kill test: a long series of chronology edits through the
// repository functions, resuming where the archive left off, reporting each committed edit
// as `done <n> <op>` until killed (or `finished` after the last step).
import { openArchive } from '../../src/main/archive/archive'
import { addCitation } from '../../src/main/chronology/citations'
import { createEvent, updateEvent } from '../../src/main/chronology/events'
import { mergeEvents } from '../../src/main/chronology/merge'
import { chronologyByName } from '../../src/main/chronology/chronologies'
import { citationSlot, EDIT_DATES, KILL_CHRONOLOGY, LAST_STEP, nextStep, stepOp } from './chronology-edits'
import { seededRandom } from './archive-seed'

const archive = openArchive(process.argv[2]!)
const db = archive.db
const chronologyId = chronologyByName(db, KILL_CHRONOLOGY).id
const articles = db.prepare('SELECT id, length(text) AS len FROM articles ORDER BY id').all() as { id: number; len: number }[]
const eventIds = (): number[] => db.prepare('SELECT id FROM events ORDER BY id').pluck().all() as number[]
process.stdout.write('ready\n')

for (let n = nextStep(db); n <= LAST_STEP; n++) {
  const random = seededRandom(n)
  const events = eventIds()
  const pick = (): number => events[Math.floor(random() * events.length)]!
  const op = stepOp(n, events.length)
  if (op === 'create') {
    const k = 1 + Math.floor(random() * 4)
    createEvent(db, {
      title: `Event ${n}`,
      date: EDIT_DATES[n % EDIT_DATES.length]!,
      note: `seg:${n}:${k}`,
      tags: [`t${n}`, 'kill-test'],
      people: [`Person ${n % 7}`],
      places: [`Place ${n % 5}`],
      chronologyIds: [chronologyId],
      citations: Array.from({ length: k }, (_, i) => ({ ...citationSlot(articles, n, i), note: `c${n}` }))
    })
  } else if (op === 'cite') {
    addCitation(db, { eventId: pick(), ...citationSlot(articles, n, 0), stance: random() < 0.3 ? 'contradicts' : 'supports', note: `x${n}` })
  } else if (op === 'redate') {
    updateEvent(db, { id: pick(), date: EDIT_DATES[Math.floor(random() * EDIT_DATES.length)]!, status: random() < 0.5 ? 'disputed' : 'confirmed' })
  } else {
    const target = pick()
    let source = pick()
    while (source === target) source = pick()
    mergeEvents(db, { targetId: target, sourceId: source })
  }
  process.stdout.write(`done ${n} ${op}\n`)
}
archive.close()
process.stdout.write('finished\n')
