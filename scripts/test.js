// `npm test`: build, typecheck, lint, dead code (knip), unit tests, browser journeys (with
// CI=true also the stress suite); ends with the failed tests by name and one plain "N passed, N
// failed" line summing every vitest run, so CI can read the result. Runs on the project's Node
// (see node-runtime.js), whatever Node started it.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { projectEnv, reexecIfTooOld } from './node-runtime.js'

await reexecIfTooOld()
const env = projectEnv()
const ci = process.env.CI === 'true'

/** The browser the journeys drive: $CHROMIUM_PATH when set, else the usual Debian and Chrome locations. */
function findChromium() {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  return candidates.find((p) => existsSync(p)) ?? null
}

function hasCommand(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0
}

const chromium = findChromium()
const notes = []
if (!hasCommand('pandoc')) notes.push('pandoc not found: the Markdown and citation exports are not read back through pandoc (apt-get install pandoc)')
if (!hasCommand('soffice')) notes.push('LibreOffice not found: CSV exports are not opened in a spreadsheet (apt-get install libreoffice-calc-nogui)')

const reportDir = join('test-results', 'vitest')
rmSync(reportDir, { recursive: true, force: true })
mkdirSync(reportDir, { recursive: true })

/** A vitest stage writing its JSON report where the summary below reads it. */
const vitest = (name, config, extra = []) => [
  name,
  'npx',
  ['vitest', 'run', ...(config ? ['--config', config] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, `${name}.json`)}`, ...extra]
]
const stages = [
  // The same build as `npm run build` and `npm start`, so the stamp that lets start skip it is kept.
  ['build', process.execPath, ['scripts/build.js']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npx', ['eslint', '.']],
  // Unused files, exports and dependencies (knip.jsonc names the entries).
  ['knip', 'npx', ['knip']],
  vitest('unit', null, process.argv.slice(2))
]
if (chromium || ci) stages.push(vitest('e2e', 'vitest.e2e.config.ts'))
// CI also runs the long fault tests (`npm run test:stress` locally).
if (ci) stages.push(vitest('stress', 'vitest.stress.config.ts'))

let passed = 0
let failed = 0
let skipped = 0
let broken = null
/** Failed tests and files by name, printed last so that a log's tail says what failed. */
const failures = []

/** The failures a vitest JSON report names: each failed test with its message's first line, or a file that failed outside its tests. */
function reportFailures(name, report) {
  for (const file of report.testResults ?? []) {
    const where = file.name.startsWith(process.cwd()) ? file.name.slice(process.cwd().length + 1) : file.name
    const tests = (file.assertionResults ?? []).filter((t) => t.status === 'failed')
    for (const t of tests) failures.push(`${name}: ${where} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}${lineIn(t.failureMessages?.[0], file.name)}`)
    if (tests.length === 0 && file.status === 'failed') failures.push(`${name}: ${where}: ${firstLine(file.message)}`)
  }
}

const firstLine = (text) => (text ?? '').trim().split('\n')[0].slice(0, 300)

/** Where in the test file the failure was raised, from its stack, when the stack names the file. */
function lineIn(text, file) {
  const at = (text ?? '').split('\n').find((l) => l.includes(file))
  const place = at?.match(/:(\d+):\d+\)?\s*$/)
  return place ? ` (line ${place[1]})` : ''
}

for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: chromium ? { ...env, CHROMIUM_PATH: chromium } : env })
  if (name === 'unit' || name === 'e2e' || name === 'stress') {
    try {
      const report = JSON.parse(readFileSync(join(reportDir, `${name}.json`), 'utf8'))
      passed += report.numPassedTests
      failed += report.numFailedTests
      skipped += report.numPendingTests + (report.numTodoTests ?? 0)
      if (report.numTotalTests === 0) broken ??= `${name}: no tests ran`
      reportFailures(name, report)
    } catch {
      broken ??= `${name}: no test report`
    }
  }
  if (r.status !== 0) {
    broken ??= `${name} failed`
    if (name === 'build' || name === 'typecheck' || name === 'lint' || name === 'knip') break
  }
}

if (!chromium && !ci && !broken) {
  // Counted, not run: the journeys exist and are reported as skipped, with what would run them.
  const list = spawnSync('npx', ['vitest', 'list', '--config', 'vitest.e2e.config.ts', '--json'], { encoding: 'utf8', env, maxBuffer: 64 << 20 })
  let journeys = 0
  try {
    journeys = JSON.parse(list.stdout).length
  } catch {
    broken = 'e2e: the browser journeys could not be listed'
  }
  skipped += journeys
  notes.unshift(
    `Chromium not found: ${journeys} browser journeys skipped (apt-get install chromium, or set CHROMIUM_PATH to a Chromium or Chrome binary; with CI=true they are required)`
  )
}

console.log('')
for (const note of notes) console.log(`npm test: ${note}`)
for (const failure of failures) console.log(`npm test: failed ${failure}`)
if (broken) console.log(`npm test: ${broken}`)
console.log(`Summary: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(broken || failed > 0 ? 1 : 0)
